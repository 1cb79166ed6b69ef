import type { Db } from '@/db/client';
import { findInvoice, insertInvoice, type InvoiceRow } from '@/db/queries/invoices';
import { findPrice } from '@/db/queries/prices';
import { findSession } from '@/db/queries/checkout-sessions';
import { findSubscription, type SubscriptionRow } from '@/db/queries/subscriptions';
import type { AccountScope } from '@/db/scope';
import { parseParams } from '@/lib/api/parse-params';
import { nextInvoiceNumber } from '@/lib/billing/invoices/invoice-number';
import { createPrice } from '@/lib/catalog/prices';
import { confirmPayment } from '@/lib/checkout/confirm-payment';
import { createSessionRow } from '@/lib/checkout/create-session';
import { payForm, type Shop } from '@/lib/checkout/testing/checkout-world';
import { testProcessor } from '@/lib/payments/test-processor';
import { newId } from '@/lib/util/ids';
import { present } from '@/lib/util/present';
import { createCheckoutSessionSchema } from '@/lib/validation/checkout-sessions';
import { createPriceSchema } from '@/lib/validation/prices';

/**
 * A subscription bought through Checkout, for lib/billing's tests: a monthly €9.00 price of the shop's
 * product (lib/checkout/testing/checkout-world.ts), a subscription session paid through confirmPayment at
 * `now` by card (4242… unless given) as the hosted page pays it — so the subscription, its items and its first (paid) invoice
 * are the rows a real checkout leaves.
 */
export async function paidSubscription(
  db: Db,
  shop: Shop,
  p: { now: Date; card?: string; subscriptionData?: Record<string, string> },
): Promise<{ subscription: SubscriptionRow; invoice: InvoiceRow; scope: AccountScope }> {
  const scope = { accountId: shop.accountId };
  const product = present(await findPrice(db, { ...scope, id: shop.priceId }), 'the shop’s price').productId;
  const price = await createPrice(
    db,
    scope,
    parseParams(createPriceSchema, { product, unit_amount: '900', currency: 'eur', recurring: { interval: 'month' } }),
  );
  const params = parseParams(createCheckoutSessionSchema, {
    mode: 'subscription',
    line_items: [{ price: price.id, quantity: '1' }],
    success_url: 'https://shop.example/ok',
    ...(p.subscriptionData && { subscription_data: p.subscriptionData }),
  });
  const sessionId = (await createSessionRow(db, scope, params, p.now)).id;
  const result = await confirmPayment(db, {
    sessionId,
    form: payForm(p.card ?? 'ok'),
    clientKey: `sub-${sessionId}`,
    processor: testProcessor,
    now: p.now,
  });
  if (result.state !== 'complete') throw new Error(`the subscription session did not complete: ${JSON.stringify(result)}`);
  const session = present(await findSession(db, { ...scope, id: sessionId }), 'the session');
  const subscription = present(
    await findSubscription(db, { ...scope, id: present(session.subscriptionId, 'session.subscription') }),
    'sub',
  );
  const invoice = present(await findInvoice(db, { ...scope, id: present(session.invoiceId, 'session.invoice') }), 'the first invoice');
  return { subscription, invoice, scope };
}

/**
 * The subscription's next period invoiced (`amount`, €9.00 as its price) and left open, as a renewal
 * whose payment failed leaves it.
 * Written as rows because nothing in Caisse makes a renewal invoice yet: replace with the renewal itself
 * once lib/billing/renewals is there.
 */
export async function openRenewalInvoice(db: Db, sub: SubscriptionRow, first: InvoiceRow, now: Date, amount = 900): Promise<InvoiceRow> {
  const { seq: _seq, ...copied } = first;
  const inserted = await insertInvoice(db, {
    ...copied,
    id: newId('in'),
    status: 'open',
    billingReason: 'subscription_cycle',
    number: await nextInvoiceNumber(db, sub.accountId),
    checkoutSessionId: null,
    subtotal: amount,
    subtotalExcludingTax: amount,
    total: amount,
    totalExcludingTax: amount,
    totalTaxes: [],
    totalDiscountAmounts: [],
    amountDue: amount,
    amountPaid: 0,
    amountRemaining: amount,
    periodStart: sub.currentPeriodStart,
    periodEnd: sub.currentPeriodEnd,
    paymentIntentId: null,
    attemptCount: 0,
    nextPaymentAttempt: new Date(now.getTime() + 3 * 86_400_000),
    finalizedAt: now,
    paidAt: null,
    createdAt: now,
  });
  return present(inserted, 'the renewal invoice');
}
