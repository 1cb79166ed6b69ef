// GET /v1/products/:id — retrieve · POST — update · DELETE — delete a product without prices
import { apiRoute } from '@/lib/api/api-route';
import { checkExpand, expandObject } from '@/lib/api/expandable';
import { parseParams } from '@/lib/api/parse-params';
import { withApi } from '@/lib/api/with-api';
import { deleteProduct, retrieveProduct, updateProduct } from '@/lib/catalog/products';
import { retrieveSchema } from '@/lib/validation/common';
import { updateProductSchema } from '@/lib/validation/products';

type Params = { id: string };

const onGet = withApi<Params>(async (ctx) => {
  const p = parseParams(retrieveSchema, ctx.input);
  return expandObject(ctx, await retrieveProduct(ctx.db, { ...ctx.scope, id: ctx.params.id }), p.expand);
});

const onPost = withApi<Params>(async (ctx) => {
  const p = parseParams(updateProductSchema, ctx.input);
  checkExpand('product', p.expand);
  return expandObject(ctx, await updateProduct(ctx.db, { ...ctx.scope, id: ctx.params.id }, p), p.expand);
});

const onDelete = withApi<Params>(async (ctx) => deleteProduct(ctx.db, { ...ctx.scope, id: ctx.params.id }));

export const { GET, POST, DELETE, PUT, PATCH } = apiRoute({ GET: onGet, POST: onPost, DELETE: onDelete });
