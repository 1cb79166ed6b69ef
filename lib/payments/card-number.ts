/**
 * Card-number helpers shared by the checkout form (in the browser) and the server.
 * Keep this file free of Node-only imports: it is bundled for the client.
 */

export type CardBrand = 'visa' | 'mastercard' | 'amex' | 'discover' | 'diners' | 'jcb' | 'unionpay' | 'unknown';

/** Strips the spaces and dashes people type or paste; anything else non-numeric makes the input unusable. */
export function normalizeCardNumber(input: string): string | null {
  const stripped = input.replace(/[\s-]/g, '');
  return /^\d+$/.test(stripped) ? stripped : null;
}

export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  // Walk from the check digit leftwards, doubling every second digit.
  for (let i = digits.length - 1, double = false; i >= 0; i--, double = !double) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** True when the first `len` digits, read as a number, fall within [from, to]. */
function prefixIn(digits: string, len: number, from: number, to: number): boolean {
  if (digits.length < len) return false;
  const prefix = Number(digits.slice(0, len));
  return prefix >= from && prefix <= to;
}

/**
 * Brand by issuer identification number. Works on a partial number so the form
 * can show the brand (and the right CVC length) while the customer types.
 * Order matters: Discover's 622126–622925 block sits inside UnionPay's 62.
 */
export function detectBrand(digits: string): CardBrand {
  if (prefixIn(digits, 2, 34, 34) || prefixIn(digits, 2, 37, 37)) return 'amex';
  if (digits.startsWith('4')) return 'visa';
  if (prefixIn(digits, 2, 51, 55) || prefixIn(digits, 4, 2221, 2720)) return 'mastercard';
  if (digits.startsWith('6011') || prefixIn(digits, 3, 644, 649) || digits.startsWith('65') || prefixIn(digits, 6, 622126, 622925)) {
    return 'discover';
  }
  if (digits.startsWith('62')) return 'unionpay';
  if (prefixIn(digits, 4, 3528, 3589)) return 'jcb';
  if (prefixIn(digits, 3, 300, 305) || digits.startsWith('309') || prefixIn(digits, 2, 36, 36) || prefixIn(digits, 2, 38, 39)) {
    return 'diners';
  }
  return 'unknown';
}

export function cvcLength(brand: CardBrand): 3 | 4 {
  return brand === 'amex' ? 4 : 3;
}

/**
 * Lengths each network issues. Visa's retired 13-digit numbers are left out on
 * purpose: accepting them would call a half-typed 16-digit number "invalid"
 * instead of "incomplete". Unknown networks get the common length only.
 */
const LENGTHS: Record<CardBrand, readonly number[]> = {
  visa: [16, 19],
  mastercard: [16],
  amex: [15],
  discover: [16, 17, 18, 19],
  diners: [14, 16, 17, 18, 19],
  jcb: [16, 17, 18, 19],
  unionpay: [16, 17, 18, 19],
  unknown: [16],
};

export function cardNumberLengths(brand: CardBrand): readonly number[] {
  return LENGTHS[brand];
}

/**
 * Groups digits for display as they are typed: Amex 4-6-5 (as embossed), the
 * rest 4-4-4-4-3. Digits beyond the pattern stay in one trailing group, so
 * removing the spaces always gives back the input.
 */
export function formatCardNumber(digits: string, brand: CardBrand): string {
  const groups = brand === 'amex' ? [4, 6, 5] : [4, 4, 4, 4, 3];
  const parts: string[] = [];
  let at = 0;
  for (const size of groups) {
    if (at >= digits.length) break;
    parts.push(digits.slice(at, at + size));
    at += size;
  }
  if (at < digits.length) parts.push(digits.slice(at));
  return parts.join(' ');
}
