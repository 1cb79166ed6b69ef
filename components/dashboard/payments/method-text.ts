import { brandName } from '@/lib/payments/card-brands';
import type { PaymentMethodSummary } from '@/lib/dashboard/payment-summary';

/** A translator of Dashboard.payments.method (server's or client's). */
type MethodTranslator = (key: 'card' | 'sepa_debit', values: Record<string, string>) => string;

/** "Visa •••• 4242", "SEPA Direct Debit •••• 3000": how the merchant recognises the customer's card or account; null when unknown. */
export function methodText(t: MethodTranslator, method: PaymentMethodSummary): string | null {
  if (!method) return null;
  if (method.type === 'card') return t('card', { brand: brandName(method.brand), last4: method.last4 });
  return t('sepa_debit', { last4: method.last4 });
}
