// GET /v1/products/search — search products with Stripe's search query language
import { apiRoute } from '@/lib/api/api-route';
import { searchEndpoint } from '@/lib/api/search-endpoint';
import { serializeProduct } from '@/lib/api/serialize/product';
import { withApi } from '@/lib/api/with-api';

const onGet = withApi(async (ctx) => searchEndpoint(ctx, 'products', serializeProduct));

export const { GET, POST, DELETE, PUT, PATCH } = apiRoute({ GET: onGet });
