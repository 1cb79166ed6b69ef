// GET /v1/tax_rates — list tax rates · POST /v1/tax_rates — create a tax rate
import { apiRoute } from '@/lib/api/api-route';
import { checkExpand, expandObject } from '@/lib/api/expandable';
import { listObject } from '@/lib/api/list';
import { parseParams } from '@/lib/api/parse-params';
import { serializeTaxRate } from '@/lib/api/serialize/tax-rate';
import { withApi } from '@/lib/api/with-api';
import { createTaxRate, listTaxRates } from '@/lib/catalog/tax-rates';
import { createTaxRateSchema, listTaxRatesSchema } from '@/lib/validation/tax-rates';

const onPost = withApi(async (ctx) => {
  const p = parseParams(createTaxRateSchema, ctx.input);
  checkExpand('tax_rate', p.expand);
  return expandObject(ctx, await createTaxRate(ctx.db, ctx.scope, p), p.expand);
});

const onGet = withApi(async (ctx) => {
  const p = parseParams(listTaxRatesSchema, ctx.input);
  const { rows, hasMore } = await listTaxRates(ctx.db, ctx.scope, p);
  return expandObject(ctx, listObject('/v1/tax_rates', rows.map(serializeTaxRate), hasMore), p.expand);
});

export const { GET, POST, DELETE, PUT, PATCH } = apiRoute({ GET: onGet, POST: onPost });
