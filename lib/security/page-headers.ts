/**
 * Headers for Caisse's pages: the checkout pages and the dashboard. The CSP's
 * nonce is per request (Next puts it on its own scripts); who may frame a
 * checkout page is decided per session, and the dashboard only frames itself
 * (the branding preview).
 */
export function pageSecurityHeaders(p: {
  nonce: string;
  frameAncestors: string[] | 'none' | 'any' | 'self';
  https: boolean;
}): Record<string, string> {
  const ancestors =
    p.frameAncestors === 'none'
      ? "'none'"
      : p.frameAncestors === 'any'
        ? '*'
        : p.frameAncestors === 'self'
          ? "'self'"
          : p.frameAncestors.join(' ') || "'none'";
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${p.nonce}' 'strict-dynamic'`,
    // Inline style attributes carry the merchant's validated theme variables.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' https: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    `frame-ancestors ${ancestors}`,
  ].join('; ');
  return {
    'content-security-policy': csp,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'same-origin',
    'x-robots-tag': 'noindex, nofollow',
    ...(p.frameAncestors === 'none'
      ? { 'x-frame-options': 'DENY' }
      : p.frameAncestors === 'self'
        ? { 'x-frame-options': 'SAMEORIGIN' }
        : {}),
    ...(p.https ? { 'strict-transport-security': 'max-age=63072000; includeSubDomains' } : {}),
  };
}
