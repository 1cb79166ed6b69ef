/**
 * Who is asking, for per-client limits: the first address a trusted proxy put
 * in X-Forwarded-For, else X-Real-IP. Behind no proxy every visitor shares a key,
 * which only makes the limits stricter.
 */
export function clientKeyFrom(headers: Headers): string {
  const forwarded = headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return forwarded || headers.get('x-real-ip') || 'direct';
}
