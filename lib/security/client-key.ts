import { CLIENT_ADDRESS_HEADER } from './client-address';
import { log } from '@/lib/log';

let warned = false;

/**
 * Who is asking, for per-client limits: the address Caisse's HTTP server (scripts/serve.ts) resolved
 * from the socket and, only when configured, trusted proxies (lib/security/client-address.ts).
 * X-Forwarded-For as the client sent it is never read here. Served some other way (`next dev`), no
 * address is known and every client shares one key: stricter, never looser.
 */
export function clientKeyFrom(headers: Headers): string {
  const address = headers.get(CLIENT_ADDRESS_HEADER);
  if (address) return address;
  if (!warned) {
    warned = true;
    log().warn('no client address on this request: start Caisse with `npm start` so per-client limits tell clients apart');
  }
  return 'unknown';
}
