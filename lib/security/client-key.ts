/**
 * Who is asking, for per-client limits. Behind a reverse proxy that appends
 * the client's address to X-Forwarded-For, the rightmost entry is the one that
 * proxy saw; a client can prepend whatever it likes, never append. Without a
 * proxy, Next fills the header from the socket when the client sent none.
 * (Per-session limits — declines, proof-of-work — do not depend on this.)
 */
export function clientKeyFrom(headers: Headers): string {
  const hops = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean);
  return hops.at(-1) || headers.get('x-real-ip') || 'direct';
}
