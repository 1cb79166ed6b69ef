// POST /v1/charges/:id/capture — capture an uncaptured charge (the legacy capture: its PaymentIntent's capture)
import { apiRoute } from '@/lib/api/api-route';
import { checkExpand, expandObject } from '@/lib/api/expandable';
import { parseParams } from '@/lib/api/parse-params';
import { withApi } from '@/lib/api/with-api';
import { captureCharge } from '@/lib/payments/authorizations/capture-charge';
import { captureChargeSchema } from '@/lib/validation/charges';

const onPost = withApi<{ id: string }>(async (ctx) => {
  const p = parseParams(captureChargeSchema, ctx.input);
  checkExpand('charge', p.expand);
  return expandObject(ctx, await captureCharge(ctx.db, { ...ctx.scope, id: ctx.params.id }, p), p.expand);
});

export const { GET, POST, DELETE, PUT, PATCH } = apiRoute({ POST: onPost });
