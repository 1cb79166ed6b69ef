// Any other /v1 path — Stripe's "Unrecognized request URL" 404
import { randomBase62 } from '@/lib/util/ids';

function unrecognized(req: Request) {
  const { pathname } = new URL(req.url);
  const requestId = `req_${randomBase62(14)}`;
  const message = `Unrecognized request URL (${req.method}: ${pathname}).`;
  return Response.json({ error: { type: 'invalid_request_error', message } }, { status: 404, headers: { 'request-id': requestId } });
}

export { unrecognized as GET, unrecognized as POST, unrecognized as DELETE, unrecognized as PUT, unrecognized as PATCH };
