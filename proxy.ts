// Runs before routing: custom domains serve only the checkout pages; request ids for the API (/v1);
// security headers, with a per-request script nonce, for the checkout pages (/c), the receipt, invoice, challenge, customer portal and Pass pages (/receipts, /i, /a, /p, /pass) and the dashboard.
import { NextResponse, type NextRequest } from 'next/server';
import { REQUEST_ID_HEADER, requestIdOf } from '@/lib/api/request-id';
import { unrecognizedResponse } from '@/lib/api/unrecognized';
import { customDomainAccount, servedOnCustomDomain } from '@/lib/domains/host-routing';
import { pageSecurityHeaders } from '@/lib/security/page-headers';

// Stripe's v1 API has no other verbs; HEAD and OPTIONS are Next's.
const API_METHODS = new Set(['GET', 'POST', 'DELETE', 'HEAD', 'OPTIONS']);
const SESSION_ID = /^cs_(test|live)_[A-Za-z0-9]+$/;

function decodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

// Paths whose routes answer with their own not-found: where an undecodable path is sent.
const NO_SUCH_PAGE = {
  checkout: '/c/_',
  receipt: '/receipts/_/_',
  invoice: '/i/_/_',
  challenge: '/a/_/_',
  portal: '/p/_/_',
  pass: '/pass/_/_',
  file: '/files/_',
} as const;

const notFound = () =>
  new Response('Not Found\n', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });

function api(req: NextRequest) {
  // The id the HTTP server (scripts/serve.ts) gave this request in place of any the client sent, or a new one.
  const requestId = requestIdOf(req);
  const { pathname } = req.nextUrl;
  // Next would answer these with a 500 (undecodable path), an HTML 404 (/v1) or a bare 405 (PUT).
  if (pathname === '/v1' || !decodable(pathname) || !API_METHODS.has(req.method))
    return unrecognizedResponse(req.method, pathname, requestId);
  const headers = new Headers(req.headers);
  headers.set(REQUEST_ID_HEADER, requestId);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set('request-id', requestId);
  return res;
}

const newNonce = () => Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
const isHttps = (req: NextRequest) => req.nextUrl.protocol === 'https:' || req.headers.get('x-forwarded-proto') === 'https';

/** Sends the page on with its security headers; the request carries the CSP too, which is where Next reads the nonce for its own scripts. */
function withPageHeaders(req: NextRequest, security: Record<string, string>, noSuchPage: string = NO_SUCH_PAGE.checkout) {
  const headers = new Headers(req.headers);
  headers.set('content-security-policy', security['content-security-policy']);
  // Likewise `/c/%ff` (and anything under it) is no session: the checkout's not-found page (a receipt's, under /receipts).
  const res = decodable(req.nextUrl.pathname)
    ? NextResponse.next({ request: { headers } })
    : NextResponse.rewrite(new URL(noSuchPage, req.url), { request: { headers } });
  for (const [k, v] of Object.entries(security)) res.headers.set(k, v);
  return res;
}

/** `domainAccount`: the account whose custom domain the request came through, if any. */
async function checkoutPage(req: NextRequest, domainAccount: string | null) {
  const nonce = newNonce();
  const sessionId = req.nextUrl.pathname.split('/')[2] ?? '';
  // Loaded lazily: only the checkout pages need the database here.
  const [{ getDb }, { checkoutPagePolicy }] = await Promise.all([import('@/db/client'), import('@/lib/checkout/page-policy')]);
  const policy = SESSION_ID.test(sessionId)
    ? await checkoutPagePolicy(await getDb(), sessionId)
    : { accountId: null, frameAncestors: 'none' as const };
  // A merchant's domain shows that merchant's sessions only.
  if (domainAccount && policy.accountId !== domainAccount) return notFound();
  return withPageHeaders(req, pageSecurityHeaders({ nonce, frameAncestors: policy.frameAncestors, https: isHttps(req) }));
}

/** A receipt is nobody's to frame: its signed link is the customer's key. */
const receiptPage = (req: NextRequest) =>
  withPageHeaders(req, pageSecurityHeaders({ nonce: newNonce(), frameAncestors: 'none', https: isHttps(req) }), NO_SUCH_PAGE.receipt);

/**
 * An invoice's page is nobody's to frame either; its PDF (…/pdf) is a file, whose route sets its own headers,
 * and gets no CSP, which a browser's PDF viewer would have to live under.
 */
function invoicePage(req: NextRequest) {
  if (decodable(req.nextUrl.pathname) && req.nextUrl.pathname.endsWith('/pdf')) return NextResponse.next();
  return withPageHeaders(
    req,
    pageSecurityHeaders({ nonce: newNonce(), frameAncestors: 'none', https: isHttps(req) }),
    NO_SUCH_PAGE.invoice,
  );
}

/** A payment intent's 3-D Secure page: its signed link is the customer's key, nobody's to frame. */
const challengePage = (req: NextRequest) =>
  withPageHeaders(req, pageSecurityHeaders({ nonce: newNonce(), frameAncestors: 'none', https: isHttps(req) }), NO_SUCH_PAGE.challenge);

/** A customer portal session's page: the token in its URL is the customer's key, nobody's to frame. */
const portalPage = (req: NextRequest) =>
  withPageHeaders(req, pageSecurityHeaders({ nonce: newNonce(), frameAncestors: 'none', https: isHttps(req) }), NO_SUCH_PAGE.portal);

/** A Caisse Pass's delete page: the signature in its URL is the owner's key, nobody's to frame. */
const passPage = (req: NextRequest) =>
  withPageHeaders(req, pageSecurityHeaders({ nonce: newNonce(), frameAncestors: 'none', https: isHttps(req) }), NO_SUCH_PAGE.pass);

/** The dashboard frames only itself (the branding preview); nobody else may frame it (clickjacking). */
const dashboardPage = (req: NextRequest) =>
  withPageHeaders(req, pageSecurityHeaders({ nonce: newNonce(), frameAncestors: 'self', https: isHttps(req) }));

export async function proxy(req: NextRequest) {
  const { pathname } = req.nextUrl;
  const domainAccount = await customDomainAccount(req.headers.get('host'));
  if (domainAccount && !servedOnCustomDomain(pathname)) return notFound();
  // Next cannot decode `/files/%ff` into an image id (a 500): it is no image, so it gets the route's not-found.
  if (pathname.startsWith('/files/') && !decodable(pathname)) return NextResponse.rewrite(new URL(NO_SUCH_PAGE.file, req.url));
  if (pathname.startsWith('/c/')) return checkoutPage(req, domainAccount);
  if (pathname.startsWith('/receipts/')) return receiptPage(req);
  if (pathname.startsWith('/i/')) return invoicePage(req);
  if (pathname.startsWith('/a/')) return challengePage(req);
  if (pathname.startsWith('/p/')) return portalPage(req);
  if (pathname.startsWith('/pass/')) return passPage(req);
  if (pathname === '/dashboard' || pathname.startsWith('/dashboard/')) return dashboardPage(req);
  if (pathname === '/v1' || pathname.startsWith('/v1/')) return api(req);
  return NextResponse.next();
}

// Every path but static build output and uploaded images (served the same on every host, and kept fast);
// a /files/ path that is no image id (such as an undecodable `/files/%ff`) does come here.
export const config = { matcher: ['/((?!_next/static/|_next/image|files/img_[A-Za-z0-9]+$|favicon\\.ico$).*)'] };
