import { requestIdOf } from './request-id';

/** Stripe's 404 for a path or method the API does not have (Next would answer 405). */
export function unrecognizedUrl(req: Request): Response {
  return unrecognizedResponse(req.method, new URL(req.url).pathname, requestIdOf(req));
}

export function unrecognizedResponse(method: string, pathname: string, requestId: string): Response {
  const message = `Unrecognized request URL (${method}: ${pathname}).`;
  return Response.json(
    { error: { type: 'invalid_request_error', message } },
    { status: 404, headers: { 'request-id': requestId, 'cache-control': 'no-cache, no-store' } },
  );
}
