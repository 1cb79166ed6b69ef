/**
 * IBAN checks for SEPA Direct Debit. Browser-safe (no Node imports): the pay
 * form runs them as the customer types, the server runs them again.
 */

/** IBAN lengths of the countries in the SEPA scheme (ISO 13616 registry). */
export const SEPA_IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24,
  AT: 20,
  BE: 16,
  BG: 22,
  CH: 21,
  CY: 28,
  CZ: 24,
  DE: 22,
  DK: 18,
  EE: 20,
  ES: 24,
  FI: 18,
  FR: 27,
  GB: 22,
  GI: 23,
  GR: 27,
  HR: 21,
  HU: 28,
  IE: 22,
  IS: 26,
  IT: 27,
  LI: 21,
  LT: 20,
  LU: 20,
  LV: 21,
  MC: 27,
  MT: 31,
  NL: 18,
  NO: 15,
  PL: 28,
  PT: 25,
  RO: 24,
  SE: 24,
  SI: 19,
  SK: 24,
  SM: 27,
  VA: 22,
};

/**
 * Where the bank code sits in the IBAN, for the countries where it is a fixed
 * slice (Stripe's sepa_debit.bank_code). Elsewhere Caisse keeps none rather
 * than guess.
 */
const BANK_CODE_SLICES: Readonly<Record<string, [number, number]>> = {
  AT: [4, 9],
  BE: [4, 7],
  DE: [4, 12],
  ES: [4, 8],
  FR: [4, 9],
  // Italy: a check letter (CIN) comes before the 5-digit ABI code.
  IT: [5, 10],
  NL: [4, 8],
};

/** Spaces and dashes as people write IBANs ("DE89 3704 …") removed, upper-cased; null when anything else is in it. */
export function normalizeIban(raw: string): string | null {
  const compact = raw.replace(/[\s-]/g, '').toUpperCase();
  return /^[A-Z0-9]*$/.test(compact) ? compact : null;
}

/** ISO 7064 mod 97-10, a digit at a time so no number grows past a few digits. */
export function ibanChecksumValid(iban: string): boolean {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const value = parseInt(ch, 36);
    if (Number.isNaN(value)) return false;
    remainder = (value < 10 ? remainder * 10 + value : remainder * 100 + value) % 97;
  }
  return remainder === 1;
}

export type IbanProblem = 'incomplete' | 'invalid' | 'unsupported_country';

/** What is wrong with a normalized IBAN, or null when SEPA can debit it. */
export function ibanProblem(iban: string): IbanProblem | null {
  if (iban.length < 4) return 'incomplete';
  if (!/^[A-Z]{2}\d{2}/.test(iban)) return 'invalid';
  const country = iban.slice(0, 2);
  const length = Object.hasOwn(SEPA_IBAN_LENGTHS, country) ? SEPA_IBAN_LENGTHS[country] : undefined;
  if (length === undefined) return 'unsupported_country';
  // Shorter than the country's length: the customer may still be typing.
  if (iban.length < length) return 'incomplete';
  if (iban.length > length) return 'invalid';
  return ibanChecksumValid(iban) ? null : 'invalid';
}

export function ibanBankCode(iban: string): string | null {
  const country = iban.slice(0, 2);
  const slice = Object.hasOwn(BANK_CODE_SLICES, country) ? BANK_CODE_SLICES[country] : undefined;
  return slice ? iban.slice(slice[0], slice[1]) : null;
}

/** "DE89370400440532013000" → "DE89 3704 0044 0532 0130 00", as printed on bank statements. */
export function formatIban(iban: string): string {
  return iban.replace(/(.{4})(?=.)/g, '$1 ');
}
