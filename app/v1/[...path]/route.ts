// Any other /v1 path — Stripe's "Unrecognized request URL" 404
import { apiRoute } from '@/lib/api/api-route';

export const { GET, POST, DELETE, PUT, PATCH } = apiRoute({});
