import type { paymentMethods } from '@/db/schema';
import { unix } from '@/lib/util/time';

type PaymentMethodRow = typeof paymentMethods.$inferSelect;

/** Stripe's PaymentMethod for a card: brand, last4, expiry and fingerprint only. */
export function serializePaymentMethod(row: PaymentMethodRow) {
  const c = row.card;
  return {
    id: row.id,
    object: 'payment_method' as const,
    allow_redisplay: 'unspecified',
    billing_details: row.billingDetails,
    card: {
      brand: c.brand,
      checks: { address_line1_check: null, address_postal_code_check: null, cvc_check: 'pass' },
      country: c.country,
      display_brand: c.brand,
      exp_month: c.exp_month,
      exp_year: c.exp_year,
      fingerprint: c.fingerprint,
      funding: c.funding,
      generated_from: null,
      last4: c.last4,
      networks: { available: [c.brand], preferred: null },
      regulated_status: 'unregulated',
      three_d_secure_usage: { supported: true },
      wallet: null,
    },
    created: unix(row.createdAt),
    customer: row.customerId,
    customer_account: null,
    livemode: row.livemode,
    metadata: row.metadata,
    type: 'card' as const,
  };
}
