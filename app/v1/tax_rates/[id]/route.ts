// GET /v1/tax_rates/:id — retrieve · POST — update (Stripe has no delete: archive with active=false)
import { checkExpand, expandObject } from '@/lib/api/expandable';
import { parseParams } from '@/lib/api/parse-params';
import { withApi } from '@/lib/api/with-api';
import { retrieveTaxRate, updateTaxRate } from '@/lib/catalog/tax-rates';
import { retrieveSchema } from '@/lib/validation/common';
import { updateTaxRateSchema } from '@/lib/validation/tax-rates';

type Params = { id: string };

export const GET = withApi<Params>(async (ctx) => {
  const p = parseParams(retrieveSchema, ctx.input);
  return expandObject(ctx, await retrieveTaxRate(ctx.db, { ...ctx.scope, id: ctx.params.id }), p.expand);
});

export const POST = withApi<Params>(async (ctx) => {
  const p = parseParams(updateTaxRateSchema, ctx.input);
  checkExpand('tax_rate', p.expand);
  return expandObject(ctx, await updateTaxRate(ctx.db, { ...ctx.scope, id: ctx.params.id }, p), p.expand);
});

// Stripe has no delete for this object.
export { unrecognizedUrl as DELETE } from '@/lib/api/unrecognized';
