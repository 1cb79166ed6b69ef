import type { CreateCheckoutSessionParams } from '@/lib/validation/checkout-sessions';
import type { Address } from './customers';

/**
 * The JSON columns of checkout sessions and their line items, shaped as Stripe returns them. What is
 * stored as the API took it is typed from the API's schemas (lib/validation, types only); what Caisse
 * computes (amounts, what the customer typed) is declared here.
 */

type Params = CreateCheckoutSessionParams;
type Given<K extends keyof Params> = NonNullable<Params[K]>;

/** One tax on an amount: the rate (txr_…) and what it was computed on. */
export type StoredTaxAmount = { amount: number; rate: string; taxable_amount: number };
/** One discount on an amount: the Discount object (di_…). */
export type StoredDiscountAmount = { amount: number; discount: string };

export type StoredTotalDetails = {
  amount_discount: number;
  amount_shipping: number;
  amount_tax: number;
  /** Ids only; `expand[]=total_details.breakdown` turns them into objects. */
  breakdown: { discounts: StoredDiscountAmount[]; taxes: StoredTaxAmount[] };
};

export type StoredShippingCost = {
  amount_subtotal: number;
  amount_tax: number;
  amount_total: number;
  shipping_rate: string;
  taxes: StoredTaxAmount[];
};

/**
 * `automatic_tax` as the session keeps it: its `status` once priced, and what the customer
 * gave the page that decides the tax (where they are, their checked tax IDs); until then the
 * session's customer decides it.
 */
export type StoredAutomaticTax = {
  enabled: boolean;
  status?: 'complete' | 'requires_location_inputs' | null;
  inputs?: StoredTaxInputs | null;
};
export type StoredTaxInputs = {
  location: { country: string; state: string | null; postal_code: string | null } | null;
  tax_ids: { type: string; value: string }[];
};

/**
 * Adaptive Pricing as the session keeps it: whether it is on, and the customer's local currency with the rate the
 * session locked (units of `currency` per unit of the session's currency, an exact decimal string; `rate_date` the
 * ECB reference date it comes from, lib/fx/), or null while the customer pays in the merchant's currency.
 */
export type StoredAdaptivePricing = {
  enabled: boolean;
  /**
   * The currency the merchant's prices gave the session, kept once adaptive pricing has priced it: the session's
   * own `currency` becomes the customer's when every price has an amount in it (currency_options win over conversion).
   */
  merchant_currency?: string;
  presentment?: { currency: string; rate: string; rate_date: string } | null;
  /** Every rate the session has locked, by currency: once shown, a currency's rate stays the session's. */
  locked?: Record<string, { rate: string; rate_date: string }>;
};

export type StoredCustomerDetails = {
  address: Address | null;
  business_name: string | null;
  email: string | null;
  individual_name: string | null;
  name: string | null;
  phone: string | null;
  tax_exempt: 'exempt' | 'none' | 'reverse';
  tax_ids: { type: string; value: string }[];
};

export type StoredCollectedInformation = {
  business_name: string | null;
  individual_name: string | null;
  shipping_details: { address: Address; name: string | null } | null;
};

type FieldLength = { default_value: string | null; maximum_length: number | null; minimum_length: number | null; value: string | null };
type GivenField = Given<'custom_fields'>[number];

export type StoredCustomField = {
  key: string;
  label: GivenField['label'];
  type: GivenField['type'];
  optional: boolean;
  dropdown?: { default_value: string | null; options: NonNullable<GivenField['dropdown']>['options']; value: string | null };
  numeric?: FieldLength;
  text?: FieldLength;
};

type GivenText = Given<'custom_text'>;
export type StoredCustomText = { [K in keyof GivenText]-?: NonNullable<GivenText[K]> | null };

type GivenConsent = Given<'consent_collection'>;
export type StoredConsentCollection = { [K in keyof GivenConsent]-?: NonNullable<GivenConsent[K]> | null };

/** What the customer agreed to: consent_collection's answers. */
export type StoredConsent = { promotions: 'opt_in' | 'opt_out' | null; terms_of_service: 'accepted' | null };

export type StoredAfterExpiration = {
  recovery: { allow_promotion_codes: boolean; enabled: boolean; expires_at: number | null; url: string | null };
};

export type StoredPaymentIntentData = Given<'payment_intent_data'> & { metadata: Record<string, string> };
export type StoredSubscriptionData = Given<'subscription_data'> & { metadata: Record<string, string> };
export type StoredBrandingSettings = Given<'branding_settings'>;
export type StoredInvoiceCreation = { enabled: boolean; invoice_data: null };
export type StoredSavedPaymentMethodOptions = Given<'saved_payment_method_options'>;

type NameOption = { enabled: boolean; optional: boolean };
export type StoredNameCollection = { business?: NameOption; individual?: NameOption };

export type StoredAdjustableQuantity = { enabled: boolean; minimum: number | null; maximum: number | null };
export type StoredOptionalItem = { price: string; quantity: number; adjustable_quantity: StoredAdjustableQuantity | null };
