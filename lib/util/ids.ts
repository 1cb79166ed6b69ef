import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Uniform base62 string: rejection sampling keeps every character equally likely. */
export function randomBase62(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248) out += ALPHABET[byte % 62];
      if (out.length === length) break;
    }
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
