// GET /v1/products — list products · POST /v1/products — create a product
import { apiRoute } from '@/lib/api/api-route';
import { checkExpand, expandObject } from '@/lib/api/expandable';
import { listObject } from '@/lib/api/list';
import { parseParams } from '@/lib/api/parse-params';
import { serializeProduct } from '@/lib/api/serialize/product';
import { withApi } from '@/lib/api/with-api';
import { createProduct, listProducts } from '@/lib/catalog/products';
import { createProductSchema, listProductsSchema } from '@/lib/validation/products';

const onPost = withApi(async (ctx) => {
  const p = parseParams(createProductSchema, ctx.input);
  checkExpand('product', p.expand);
  return expandObject(ctx, await createProduct(ctx.db, ctx.scope, p), p.expand);
});

const onGet = withApi(async (ctx) => {
  const p = parseParams(listProductsSchema, ctx.input);
  const { rows, hasMore } = await listProducts(ctx.db, ctx.scope, p);
  return expandObject(ctx, listObject('/v1/products', rows.map(serializeProduct), hasMore), p.expand);
});

export const { GET, POST, DELETE, PUT, PATCH } = apiRoute({ GET: onGet, POST: onPost });
