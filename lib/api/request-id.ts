import { randomBase62 } from '@/lib/util/ids';

/**
 * The HTTP server (scripts/serve.ts) names every request with this header, overwriting any the client sent; proxy.ts
 * passes it on for /v1, so that replies Next makes itself (405, undecodable paths), the handler's reply and the
 * server's log line carry the same Request-Id.
 */
export const REQUEST_ID_HEADER = 'x-caisse-request-id';

export const newRequestId = () => `req_${randomBase62(14)}`;

/** The id the server gave this request, or a new one. */
export function requestIdOf(req: Request): string {
  const given = req.headers.get(REQUEST_ID_HEADER);
  return given && /^req_[A-Za-z0-9]{14}$/.test(given) ? given : newRequestId();
}
