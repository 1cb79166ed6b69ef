/** The DNS TXT record that proves a merchant controls a host name. Pure. */

export const CHALLENGE_PREFIX = '_caisse-challenge';
export const CHALLENGE_VALUE_PREFIX = 'caisse-domain-verification=';

/** Where the record goes: _caisse-challenge.pay.example.com */
export const challengeName = (hostname: string) => `${CHALLENGE_PREFIX}.${hostname}`;

/** What the record holds. */
export const challengeValue = (token: string) => `${CHALLENGE_VALUE_PREFIX}${token}`;

/**
 * Whether the TXT records at the challenge name include this token's value. A TXT record
 * arrives as chunks of at most 255 bytes that form one string; DNS providers' panels
 * sometimes keep the quotes or add spaces around the value.
 */
export function hasChallenge(records: string[][], token: string): boolean {
  const expected = challengeValue(token);
  return records.some(
    (chunks) =>
      chunks
        .join('')
        .trim()
        .replace(/^"(.*)"$/, '$1')
        .trim() === expected,
  );
}
