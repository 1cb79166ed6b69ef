import { randomFillSync } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

// Random bytes are drawn from the CSPRNG a pool at a time (as Node does for randomUUID) and each is used once: a
// call into OpenSSL per id was a visible share of a short API request.
const pool = Buffer.alloc(4096);
let next = pool.length;

function randomByte(): number {
  if (next === pool.length) {
    randomFillSync(pool);
    next = 0;
  }
  return pool[next++];
}

/** Uniform base62 string: rejection sampling keeps every character equally likely. */
export function randomBase62(length: number): string {
  let out = '';
  while (out.length < length) {
    const byte = randomByte();
    if (byte < 248) out += ALPHABET[byte % 62];
  }
  return out;
}

// 24 base62 characters ≈ 142 random bits; a session id carries 58 (≈ 345 bits)
// because the id in the page URL is the customer's only key.
export type IdPrefix =
  | 'acct'
  | 'key'
  | 'prod'
  | 'price'
  | 'promo'
  | 'shr'
  | 'txr'
  | 'cus'
  | 'pi'
  | 'pm'
  | 'evt'
  | 'we'
  | 'whd'
  | 'sub'
  | 'si'
  | 'li'
  | 'req'
  | 'ch'
  | 'seti'
  | 'di'
  | 'em'
  | 'dom'
  | 'img'
  | 'att'
  | 're'
  | 'dp'
  | 'file'
  | 'in'
  | 'il'
  | 'ii'
  | 'clock'
  | 'bpc'
  | 'bps'
  | 'pass'
  | 'pc'
  | 'txi'
  | 'taxreg';

export function newId(prefix: IdPrefix): string {
  return `${prefix}_${randomBase62(24)}`;
}

/** Ids for a new dashboard user and their credential, as better-auth makes them. */
export const newDashboardUserIds = () => ({ userId: randomBase62(32), credentialId: randomBase62(32) });

export function newSessionId(livemode = false): string {
  return `cs_${livemode ? 'live' : 'test'}_${randomBase62(58)}`;
}
