/**
 * Postal code shapes and which countries ask for a state, for the checkout's
 * address fields. Countries not listed accept any postal code (or none).
 */
export const POSTAL_CODE_PATTERNS: Record<string, RegExp> = {
  US: /^\d{5}(-\d{4})?$/,
  CA: /^[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d$/i,
  GB: /^([A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}|GIR ?0AA)$/i,
  FR: /^\d{5}$/,
  DE: /^\d{5}$/,
  NL: /^\d{4} ?[A-Z]{2}$/i,
  JP: /^\d{3}-?\d{4}$/,
  AU: /^\d{4}$/,
  ES: /^\d{5}$/,
  IT: /^\d{5}$/,
  BE: /^\d{4}$/,
  CH: /^\d{4}$/,
  AT: /^\d{4}$/,
  SE: /^\d{3} ?\d{2}$/,
  PL: /^\d{2}-\d{3}$/,
  BR: /^\d{5}-?\d{3}$/,
};

/** Countries whose addresses need a state, province or prefecture. */
export const STATE_REQUIRED = new Set(['US', 'CA', 'AU', 'BR', 'JP', 'MX', 'IN']);

/** Countries where addresses carry no postal code. */
export const NO_POSTAL_CODE = new Set(['AE', 'HK', 'QA', 'AO', 'BO', 'FJ', 'GH', 'JM', 'ZW']);

export function postalCodeValid(country: string, postalCode: string): boolean {
  // Most countries have no pattern here, and any may: `country` is the customer's.
  const pattern = Object.hasOwn(POSTAL_CODE_PATTERNS, country) ? POSTAL_CODE_PATTERNS[country] : undefined;
  return pattern ? pattern.test(postalCode.trim()) : true;
}

export function postalCodeRequired(country: string): boolean {
  return !NO_POSTAL_CODE.has(country);
}
