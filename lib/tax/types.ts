/**
 * The tax engine's contract (lib/tax). Pure data in, pure data out: the
 * merchant's settings and registrations, the customer's location and status,
 * and what is sold; out come the rates each line pays and why.
 */

export type TaxBehavior = 'exclusive' | 'inclusive';

/** `/v1/tax/settings` as the engine needs it. */
export type MerchantTaxSettings = {
  headOffice: { country: string; state: string | null } | null;
  defaults: { taxBehavior: 'exclusive' | 'inclusive' | 'inferred_by_currency' | null; taxCode: string | null };
};

/**
 * One registration in force (`/v1/tax/registrations`, status active at the
 * time of the calculation). `type` is the country option's type:
 * `standard`, `oss_union`, `oss_non_union`, `ioss` (EU); `simplified` (non-resident
 * schemes, e.g. Canada's GST/HST); `province_standard` (Canada, with `province`);
 * `state_sales_tax` (US, with `state`).
 */
export type TaxRegistration = {
  country: string;
  type: string;
  state: string | null;
  /** EU `standard` registrations: `small_seller` also covers cross-border sales under the EU threshold; `standard` only sales in that country. */
  placeOfSupplyScheme?: 'small_seller' | 'standard' | null;
};

/** Where the customer is, as Stripe reads it: shipping address, else billing, else the customer's. */
export type TaxLocation = { country: string; state: string | null; postalCode: string | null };

/** `none`; `exempt` (no tax); `reverse` (the customer accounts for the tax). */
export type TaxExempt = 'none' | 'exempt' | 'reverse';

export type TaxCustomer = {
  location: TaxLocation | null;
  taxExempt: TaxExempt;
  /** Tax IDs already checked valid (lib/tax-ids), by Stripe type: `eu_vat` `DE123456789`. */
  taxIds: { type: string; value: string }[];
};

/** Stripe's taxability reasons the engine gives. */
export type TaxabilityReason =
  | 'standard_rated'
  | 'reduced_rated'
  | 'zero_rated'
  | 'reverse_charge'
  | 'customer_exempt'
  | 'product_exempt'
  | 'not_collecting'
  | 'not_subject_to_tax'
  /** Shipping with goods of several rates: a share of it at each goods' rate, in proportion to their amounts. */
  | 'proportionally_rated';

/** One tax a line pays: the shape of an automatic Tax Rate, with why it applies. */
export type AppliedTax = {
  country: string;
  state: string | null;
  jurisdiction: string; // "DE", "QC", "CA" (the state's or country's code)
  jurisdictionLevel: 'country' | 'state';
  taxType: 'vat' | 'gst' | 'hst' | 'pst' | 'qst' | 'rst' | 'igst' | 'jct' | 'sales_tax';
  displayName: string; // "VAT", "GST", "QST", "Sales Tax"
  percentage: string; // exact decimal, "19", "9.975": the one applied (the API's effective_percentage)
  /** The jurisdiction's own rate for the item, applied or not (the API's percentage): 19 for a reverse charge in Germany. */
  statutoryPercentage: string;
  inclusive: boolean;
  taxabilityReason: TaxabilityReason;
};
