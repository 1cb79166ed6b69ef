// Runs before routing: request ids for the API (/v1), security headers for the checkout pages (/c).
import { NextResponse, type NextRequest } from 'next/server';
import { newRequestId, REQUEST_ID_HEADER } from '@/lib/api/request-id';
import { unrecognizedResponse } from '@/lib/api/unrecognized';
import { pageSecurityHeaders } from '@/lib/security/page-headers';

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

function api(req: NextRequest) {
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

async function checkoutPage(req: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  const sessionId = req.nextUrl.pathname.split('/')[2] ?? '';
  // Loaded lazily: only the checkout pages need the database here.
  const [{ getDb }, { framePolicyFor }] = await Promise.all([import('@/db/client'), import('@/db/queries/frame-policy')]);
  const frameAncestors = /^cs_(test|live)_[A-Za-z0-9]+$/.test(sessionId) ? await framePolicyFor(await getDb(), sessionId) : 'none';
  const https = req.nextUrl.protocol === 'https:' || req.headers.get('x-forwarded-proto') === 'https';
  const security = pageSecurityHeaders({ nonce, frameAncestors, https });
  // Next reads the nonce from the request's CSP and puts it on its own scripts.
  const headers = new Headers(req.headers);
  headers.set('content-security-policy', security['content-security-policy']);
  const res = NextResponse.next({ request: { headers } });
  for (const [k, v] of Object.entries(security)) res.headers.set(k, v);
  return res;
}

export function proxy(req: NextRequest) {
  return req.nextUrl.pathname.startsWith('/c/') ? checkoutPage(req) : api(req);
}

export const config = { matcher: ['/v1', '/v1/:path*', '/c/:path*'] };
