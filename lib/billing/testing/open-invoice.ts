import type { Db } from '@/db/client';
import { updateAccountSettings } from '@/db/queries/account-settings';
import { findSession } from '@/db/queries/checkout-sessions';
import { updateCustomerFields } from '@/db/queries/customers';
import { findInvoice, type InvoiceRow } from '@/db/queries/invoices';
import { findSubscription } from '@/db/queries/subscriptions';
import { parseParams } from '@/lib/api/parse-params';
import { createAccount } from '@/lib/accounts/create-account';
import { runDueBilling } from '@/lib/billing/renewals/run-due-billing';
import { createPrice } from '@/lib/catalog/prices';
import { createProduct } from '@/lib/catalog/products';
import { createTaxRate } from '@/lib/catalog/tax-rates';
import { confirmPayment } from '@/lib/checkout/confirm-payment';
import { createSessionRow } from '@/lib/checkout/create-session';
import { payForm } from '@/lib/checkout/testing/checkout-world';
import { testProcessor } from '@/lib/payments/test-processor';
import { present } from '@/lib/util/present';
import { createCheckoutSessionSchema } from '@/lib/validation/checkout-sessions';
import { createPriceSchema } from '@/lib/validation/prices';
import { createProductSchema } from '@/lib/validation/products';
import { createTaxRateSchema } from '@/lib/validation/tax-rates';

/**
 * An open subscription invoice for lib tests of what the customer sees of invoices (the hosted page, the
 * PDF, the emails), made the way a real one comes about: "Maison Lumière" sells a €15.00/month plan with
 * 20 % VAT; a customer subscribes on the hosted checkout with a 7-day trial and the card that saves but
 * declines every charge (4000 0000 0000 0341); the billing job runs at the trial's end: its first period is
 * invoiced and the automatic attempt declined — so the invoice is open, attempted once, its retry
 * scheduled, and the subscription past due.
 */
export type OpenInvoiceOptions = {
  /** When the customer subscribes; the trial ends 7 days later. */
  now: Date;
  /** The checkout's locale (the customer's language when they have no preferred locale). */
  locale?: string;
  /** The customer's preferred_locales. */
  preferredLocales?: string[];
  email?: string;
  receiptsEnabled?: boolean;
};

export type OpenInvoice = {
  accountId: string;
  invoice: InvoiceRow;
  subscriptionId: string;
  sessionId: string;
  trialEnd: Date;
};

export const SAVES_THEN_DECLINES = '4000000000000341';
const TRIAL_DAYS = 7;
const DAY_MS = 86_400_000;

export async function openInvoice(db: Db, p: OpenInvoiceOptions): Promise<OpenInvoice> {
  const account = await createAccount(db, { name: 'Maison Lumière' });
  const scope = { accountId: account.id };
  await updateAccountSettings(db, {
    accountId: account.id,
    receiptsEnabled: p.receiptsEnabled ?? false,
    defaultLocale: null,
    businessDetails: { support_email: 'aide@lumiere.example' },
  });
  const product = await createProduct(db, scope, parseParams(createProductSchema, { name: 'Abonnement Lumière' }));
  const price = await createPrice(
    db,
    scope,
    parseParams(createPriceSchema, { product: product.id, unit_amount: '1500', currency: 'eur', recurring: { interval: 'month' } }),
  );
  const vat = await createTaxRate(
    db,
    scope,
    parseParams(createTaxRateSchema, { display_name: 'VAT', percentage: '20', inclusive: 'false' }),
  );
  const params = parseParams(createCheckoutSessionSchema, {
    mode: 'subscription',
    line_items: [{ price: price.id, quantity: '1', tax_rates: [vat.id] }],
    subscription_data: { trial_period_days: String(TRIAL_DAYS) },
    success_url: 'https://lumiere.example/merci',
    ...(p.locale ? { locale: p.locale } : {}),
  });
  const sessionId = (await createSessionRow(db, scope, params, p.now)).id;
  const paid = await confirmPayment(db, {
    sessionId,
    form: payForm(SAVES_THEN_DECLINES, p.email ?? 'claire@example.com'),
    clientKey: `open-invoice-${sessionId}`,
    processor: testProcessor,
    now: p.now,
  });
  if (paid.state !== 'complete') throw new Error(`the subscription did not start: ${JSON.stringify(paid)}`);
  const session = present(await findSession(db, { accountId: account.id, id: sessionId }), 'the session');
  const subscriptionId = present(session.subscriptionId, "the session's subscription");
  const customerId = present(session.customerId, "the session's customer");
  if (p.preferredLocales)
    await updateCustomerFields(db, { accountId: account.id, id: customerId, set: { preferredLocales: p.preferredLocales } });

  const trialEnd = new Date(p.now.getTime() + TRIAL_DAYS * DAY_MS);
  // The billing job wakes at the trial's end: the first period is invoiced and charged, and declined.
  await runDueBilling(db, { scope: { clock: null }, now: trialEnd });
  const sub = present(await findSubscription(db, { accountId: account.id, id: subscriptionId }), 'the subscription');
  const invoiceId = present(sub.latestInvoiceId, "the subscription's latest invoice");
  const invoice = present(await findInvoice(db, { accountId: account.id, id: invoiceId }), 'the invoice');
  if (invoice.status !== 'open' || invoice.attemptCount !== 1) throw new Error(`the renewal was not declined: ${JSON.stringify(invoice)}`);
  return { accountId: account.id, invoice, subscriptionId, sessionId, trialEnd };
}
