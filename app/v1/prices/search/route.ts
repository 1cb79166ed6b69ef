// GET /v1/prices/search — search prices with Stripe's search query language
import { apiRoute } from '@/lib/api/api-route';
import { searchEndpoint } from '@/lib/api/search-endpoint';
import { serializePrice } from '@/lib/api/serialize/price';
import { withApi } from '@/lib/api/with-api';

const onGet = withApi(async (ctx) => searchEndpoint(ctx, 'prices', serializePrice));

export const { GET, POST, DELETE, PUT, PATCH } = apiRoute({ GET: onGet });
