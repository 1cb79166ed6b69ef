// GET /v1/products/:id — retrieve · POST — update · DELETE — delete a product without prices
import { checkExpand, expandObject } from '@/lib/api/expandable';
import { parseParams } from '@/lib/api/parse-params';
import { withApi } from '@/lib/api/with-api';
import { deleteProduct, retrieveProduct, updateProduct } from '@/lib/catalog/products';
import { retrieveSchema } from '@/lib/validation/common';
import { updateProductSchema } from '@/lib/validation/products';

type Params = { id: string };

export const GET = withApi<Params>(async (ctx) => {
  const p = parseParams(retrieveSchema, ctx.input);
  return expandObject(ctx, await retrieveProduct(ctx.db, { ...ctx.scope, id: ctx.params.id }), p.expand);
});

export const POST = withApi<Params>(async (ctx) => {
  const p = parseParams(updateProductSchema, ctx.input);
  checkExpand('product', p.expand);
  return expandObject(ctx, await updateProduct(ctx.db, { ...ctx.scope, id: ctx.params.id }, p), p.expand);
});

export const DELETE = withApi<Params>(async (ctx) => deleteProduct(ctx.db, { ...ctx.scope, id: ctx.params.id }));
