import { z } from 'zod';
import { bool, decimal, expand, listParams, metadata, nonEmptyStr, oneOf, rangeQuery, str, unsettable } from '@/lib/api/params';
import { countryCode } from './countries';

export const TAX_TYPES = [
  'admissions_tax',
  'amusement_tax',
  'attendance_tax',
  'communications_tax',
  'digital_excise_tax',
  'entertainment_tax',
  'get_fund',
  'gross_receipts_tax',
  'gst',
  'hospitality_tax',
  'hst',
  'igst',
  'jct',
  'lease_tax',
  'luxury_tax',
  'mass_transit_parking_tax',
  'nhil',
  'parking_tax',
  'pst',
  'qst',
  'resort_tax',
  'retail_delivery_fee',
  'rst',
  'sales_tax',
  'service_tax',
  'tourism_tax',
  'utility_users_tax',
  'vat',
] as const;

// Percentage and inclusive are fixed at creation, as with Stripe: a rate on a
// paid session must keep meaning what it meant.
const editable = {
  active: bool().optional(),
  country: unsettable(countryCode()).optional(),
  description: unsettable(str(5000)).optional(),
  jurisdiction: unsettable(str(50)).optional(),
  metadata: metadata().optional(),
  state: unsettable(str(5000)).optional(),
  tax_type: unsettable(oneOf(TAX_TYPES)).optional(),
  expand: expand(),
};

export const createTaxRateSchema = z.strictObject({
  ...editable,
  display_name: nonEmptyStr(50),
  percentage: decimal({ min: 0, max: 100, maxDecimals: 4 }),
  inclusive: bool(),
});

export const updateTaxRateSchema = z.strictObject({
  ...editable,
  display_name: nonEmptyStr(50).optional(),
});

export const listTaxRatesSchema = z.strictObject({
  ...listParams,
  active: bool().optional(),
  created: rangeQuery().optional(),
  inclusive: bool().optional(),
});

export type CreateTaxRateParams = z.infer<typeof createTaxRateSchema>;
export type UpdateTaxRateParams = z.infer<typeof updateTaxRateSchema>;
export type ListTaxRatesParams = z.infer<typeof listTaxRatesSchema>;
