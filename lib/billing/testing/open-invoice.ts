import type { Db } from '@/db/client';
import { updateAccountSettings } from '@/db/queries/account-settings';
import { findSession } from '@/db/queries/checkout-sessions';
import { findCustomer, updateCustomerFields } from '@/db/queries/customers';
import { findInvoice, insertInvoice, insertInvoiceLines, type InvoiceRow } from '@/db/queries/invoices';
import { lockSubscription, subscriptionItemsOf } from '@/db/queries/subscriptions';
import { parseParams } from '@/lib/api/parse-params';
import { createAccount } from '@/lib/accounts/create-account';
import { announceNewInvoice } from '@/lib/billing/invoices/announce-invoice';
import { customerSnapshot } from '@/lib/billing/invoices/customer-snapshot';
import { nextInvoiceNumber } from '@/lib/billing/invoices/invoice-number';
import { payInvoiceOffSession } from '@/lib/billing/invoices/pay-invoice';
import { periodBoundary } from '@/lib/billing/periods';
import { changeSubscription } from '@/lib/billing/subscriptions/update-subscription';
import { createPrice } from '@/lib/catalog/prices';
import { createProduct } from '@/lib/catalog/products';
import { createTaxRate } from '@/lib/catalog/tax-rates';
import { confirmPayment } from '@/lib/checkout/confirm-payment';
import { createSessionRow } from '@/lib/checkout/create-session';
import { payForm } from '@/lib/checkout/testing/checkout-world';
import { testProcessor } from '@/lib/payments/test-processor';
import { newId } from '@/lib/util/ids';
import { present } from '@/lib/util/present';
import { createCheckoutSessionSchema } from '@/lib/validation/checkout-sessions';
import { createPriceSchema } from '@/lib/validation/prices';
import { createProductSchema } from '@/lib/validation/products';
import { createTaxRateSchema } from '@/lib/validation/tax-rates';

/**
 * An open subscription invoice for lib tests of what the customer sees of invoices (the hosted page, the
 * PDF, the emails), made the way a real one comes about: "Maison Lumière" sells a €15.00/month plan with
 * 20 % VAT; a customer subscribes on the hosted checkout with a 7-day trial and the card that saves but
 * declines every charge (4000 0000 0000 0341); the trial ends, its first period is invoiced, and the
 * automatic attempt is declined — so the invoice is open, attempted once, its retry scheduled, and the
 * subscription past due.
 *
 * Until renewals are in lib/billing, the invoice at the trial's end is written here with the same query
 * functions a renewal uses; then the real payInvoiceOffSession charges it.
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
  const invoiceId = await db.transaction(async (tx) => {
    const sub = present(await lockSubscription(tx, { accountId: account.id, id: subscriptionId }), 'the subscription');
    const [item] = await subscriptionItemsOf(tx, { accountId: account.id, subscriptionIds: [sub.id] });
    const periodEnd = periodBoundary(trialEnd, { interval: 'month', intervalCount: 1 }, 1);
    const amount = 1500 * item.quantity;
    const tax = Math.round(amount * 0.2);
    const customer = present(await findCustomer(tx, { accountId: account.id, id: customerId }), 'the customer');
    const id = newId('in');
    const invoice = present(
      await insertInvoice(tx, {
        id,
        accountId: account.id,
        customerId,
        subscriptionId: sub.id,
        status: 'open',
        billingReason: 'subscription_cycle',
        currency: 'eur',
        number: await nextInvoiceNumber(tx, account.id),
        subtotal: amount,
        subtotalExcludingTax: amount,
        total: amount + tax,
        totalExcludingTax: amount,
        totalTaxes: [{ tax_rate: vat.id, amount: tax, taxable_amount: amount, inclusive: false }],
        amountDue: amount + tax,
        amountRemaining: amount + tax,
        periodStart: sub.currentPeriodStart,
        periodEnd: trialEnd,
        customer: customerSnapshot(customer),
        nextPaymentAttempt: trialEnd,
        finalizedAt: trialEnd,
        createdAt: trialEnd,
      }),
      'the invoice',
    );
    await insertInvoiceLines(tx, [
      {
        id: newId('il'),
        accountId: account.id,
        invoiceId: id,
        position: 0,
        description: '1 × Abonnement Lumière (at €15.00 / month)',
        amount,
        currency: 'eur',
        quantity: item.quantity,
        priceId: price.id,
        productId: product.id,
        subscriptionId: sub.id,
        subscriptionItemId: item.id,
        periodStart: trialEnd,
        periodEnd,
        taxes: [{ tax_rate: vat.id, amount: tax, taxable_amount: amount, inclusive: false }],
        createdAt: trialEnd,
      },
    ]);
    await changeSubscription(tx, sub, {
      status: 'active',
      currentPeriodStart: trialEnd,
      currentPeriodEnd: periodEnd,
      latestInvoiceId: id,
    });
    await announceNewInvoice(tx, invoice);
    return id;
  });
  const attempt = await payInvoiceOffSession(db, { accountId: account.id, invoiceId, automatic: true, now: trialEnd });
  if (attempt.outcome !== 'declined') throw new Error(`the renewal was not declined: ${attempt.outcome}`);
  const invoice = present(await findInvoice(db, { accountId: account.id, id: invoiceId }), 'the invoice');
  return { accountId: account.id, invoice, subscriptionId, sessionId, trialEnd };
}
