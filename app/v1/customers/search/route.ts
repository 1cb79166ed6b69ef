// GET /v1/customers/search — search customers with Stripe's search query language
import { apiRoute } from '@/lib/api/api-route';
import { searchEndpoint } from '@/lib/api/search-endpoint';
import { serializeCustomer } from '@/lib/api/serialize/customer';
import { withApi } from '@/lib/api/with-api';

const onGet = withApi(async (ctx) => searchEndpoint(ctx, 'customers', serializeCustomer));

export const { GET, POST, DELETE, PUT, PATCH } = apiRoute({ GET: onGet });
