import type { TaxCategory } from './rate-table';

/**
 * Stripe's product tax codes the engine prices differently from the rest.
 * Any other code (and no code) is priced at the standard rate.
 */
export const DEFAULT_TAX_CODE = 'txcd_10000000'; // General – Electronically Supplied Services, Stripe's preset
export const SHIPPING_TAX_CODE = 'txcd_92010001'; // Shipping
export const NONTAXABLE_TAX_CODE = 'txcd_00000000';

const CATEGORIES: Record<string, TaxCategory> = {
  txcd_99999999: 'standard', // General – Tangible Goods
  txcd_10000000: 'digital', // General – Electronically Supplied Services
  txcd_20030000: 'services', // General – Services
  txcd_35010000: 'books', // Books (printed)
  txcd_40060003: 'food', // Food for home consumption
  [SHIPPING_TAX_CODE]: 'standard',
};

/** The rate category a tax code selects, or `exempt` for the nontaxable code. */
export function categoryOf(taxCode: string): TaxCategory | 'exempt' {
  if (taxCode === NONTAXABLE_TAX_CODE) return 'exempt';
  return CATEGORIES[taxCode] ?? 'standard';
}
