import type { PaymentMethodRow } from '@/db/queries/payment-methods';
import type { StoredCard, StoredSepaDebit } from '@/db/schema';
import { unix } from '@/lib/util/time';

// Stripe's display_brand spells some brands out where `brand` abbreviates them.
const DISPLAY_BRANDS: Record<string, string> = { amex: 'american_express', diners: 'diners_club', unionpay: 'union_pay' };
const KNOWN_BRANDS = new Set(['visa', 'mastercard', 'discover', 'jcb', 'cartes_bancaires']);

function displayBrand(brand: string): string {
  if (Object.hasOwn(DISPLAY_BRANDS, brand)) return DISPLAY_BRANDS[brand];
  return KNOWN_BRANDS.has(brand) ? brand : 'other';
}

/** Stripe's PaymentMethod.Card, from what Caisse keeps of the card (never its number). */
function card(c: StoredCard) {
  return {
    brand: c.brand,
    // Caisse asks for the CVC on every payment and the test processor checks it; addresses are not checked.
    checks: { address_line1_check: null, address_postal_code_check: null, cvc_check: 'pass' },
    country: c.country,
    display_brand: displayBrand(c.brand),
    exp_month: c.exp_month,
    exp_year: c.exp_year,
    fingerprint: c.fingerprint,
    funding: c.funding,
    generated_from: null,
    last4: c.last4,
    networks: { available: [c.brand], preferred: null },
    regulated_status: null,
    // Every card Caisse takes goes through its 3-D Secure step when the issuer asks for it.
    three_d_secure_usage: { supported: true },
    wallet: null,
  };
}

const sepaDebit = (s: StoredSepaDebit) => ({
  bank_code: s.bank_code,
  branch_code: s.branch_code,
  country: s.country,
  fingerprint: s.fingerprint,
  generated_from: null,
  last4: s.last4,
});

/** Stripe's PaymentMethod object: the type's own hash (card or sepa_debit) and nothing Caisse does not keep. */
export function serializePaymentMethod(row: PaymentMethodRow) {
  return {
    id: row.id,
    object: 'payment_method' as const,
    allow_redisplay: row.allowRedisplay,
    billing_details: row.billingDetails,
    ...(row.type === 'card' && row.card ? { card: card(row.card) } : {}),
    ...(row.type === 'sepa_debit' && row.sepaDebit ? { sepa_debit: sepaDebit(row.sepaDebit) } : {}),
    created: unix(row.createdAt),
    customer: row.customerId,
    customer_account: null,
    livemode: row.livemode,
    metadata: row.metadata,
    type: row.type,
  };
}
