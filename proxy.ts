// /v1/* — one Request-Id per API request, also on the replies Next makes before any handler runs
import { NextResponse, type NextRequest } from 'next/server';
import { newRequestId, REQUEST_ID_HEADER } from '@/lib/api/request-id';
import { unrecognizedResponse } from '@/lib/api/unrecognized';

// Stripe's v1 API has no other verbs; HEAD and OPTIONS are Next's.
const API_METHODS = new Set(['GET', 'POST', 'DELETE', 'HEAD', 'OPTIONS']);

function decodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

export function proxy(req: NextRequest) {
  const requestId = newRequestId();
  const { pathname } = req.nextUrl;
  // Next would answer these with a 500 (undecodable path), an HTML 404 (/v1) or a bare 405 (PUT).
  if (pathname === '/v1' || !decodable(pathname) || !API_METHODS.has(req.method)) return unrecognizedResponse(req.method, pathname, requestId);
  const headers = new Headers(req.headers);
  headers.set(REQUEST_ID_HEADER, requestId);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set('request-id', requestId);
  return res;
}

export const config = { matcher: ['/v1', '/v1/:path*'] };
