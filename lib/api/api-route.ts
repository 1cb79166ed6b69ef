import { unrecognizedUrl } from './unrecognized';

export type RouteHandler<P> = (req: Request, route: { params: Promise<P> }) => Promise<Response>;

const METHODS = ['GET', 'POST', 'DELETE', 'PUT', 'PATCH'] as const;
type Method = (typeof METHODS)[number];

/**
 * A /v1 route file's handlers, every method filled in: the ones the route does not have answer
 * Stripe's "Unrecognized request URL" 404 JSON, where Next would answer a bare 405. Every route file
 * ends with `export const { GET, POST, DELETE, PUT, PATCH } = apiRoute({ … })`.
 */
export function apiRoute<P>(handlers: Partial<Record<Method, RouteHandler<P>>>): Record<Method, RouteHandler<P>> {
  return Object.fromEntries(METHODS.map((m) => [m, handlers[m] ?? unrecognizedUrl])) as Record<Method, RouteHandler<P>>;
}
