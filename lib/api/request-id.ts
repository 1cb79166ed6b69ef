import { randomBase62 } from '@/lib/util/ids';

/**
 * proxy.ts names every /v1 request with this header (overwriting any the
 * client sent), so that replies Next makes itself (405, undecodable paths)
 * and the handler's reply carry the same Request-Id.
 */
export const REQUEST_ID_HEADER = 'x-caisse-request-id';

export const newRequestId = () => `req_${randomBase62(14)}`;

/** The id proxy.ts gave this request, or a new one. */
export function requestIdOf(req: Request): string {
  const given = req.headers.get(REQUEST_ID_HEADER);
  return given && /^req_[A-Za-z0-9]{14}$/.test(given) ? given : newRequestId();
}
