import { randomBase62 } from '@/lib/util/ids';

/** Stripe's 404 for a path or method the API does not have (Next would answer 405). */
export function unrecognizedUrl(req: Request): Response {
  const { pathname } = new URL(req.url);
  const message = `Unrecognized request URL (${req.method}: ${pathname}).`;
  return Response.json({ error: { type: 'invalid_request_error', message } }, { status: 404, headers: { 'request-id': `req_${randomBase62(14)}` } });
}
