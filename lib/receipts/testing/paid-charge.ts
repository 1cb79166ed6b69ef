import { eq } from 'drizzle-orm';
import type { Db, Queryable } from '@/db/client';
import { updateAccountSettings } from '@/db/queries/account-settings';
import { findCharge, type ChargeRow } from '@/db/queries/charges';
import { findPaymentIntent } from '@/db/queries/payment-intents';
import { insertRefund, type RefundRow } from '@/db/queries/refunds';
import { accounts, charges, checkoutSessions, paymentIntents, type RefundReason } from '@/db/schema';
import { defined } from '@/e2e/support/defined';
import { createAccount } from '@/lib/accounts/create-account';
import { parseParams } from '@/lib/api/parse-params';
import { createPrice } from '@/lib/catalog/prices';
import { createProduct } from '@/lib/catalog/products';
import { confirmPayment } from '@/lib/checkout/confirm-payment';
import { createSessionRow } from '@/lib/checkout/create-session';
import { payForm } from '@/lib/checkout/testing/checkout-world';
import { newId } from '@/lib/util/ids';
import { createCheckoutSessionSchema } from '@/lib/validation/checkout-sessions';
import { createPriceSchema } from '@/lib/validation/prices';
import { createProductSchema } from '@/lib/validation/products';

/**
 * lib/receipts' tests: a merchant ("Maison Lumière", one €25.00 lamp) whose customer paid a hosted
 * session with a test card through confirmPayment, as the page does — so the charge, its intent and
 * the session are the real rows a payment leaves.
 */

export type PaidCharge = { accountId: string; sessionId: string; charge: ChargeRow };

export async function paidCharge(
  db: Db,
  p: { receiptsEnabled?: boolean; defaultLocale?: string; session?: Record<string, unknown>; card?: string; now?: Date } = {},
): Promise<PaidCharge> {
  const account = await createAccount(db, { name: 'Maison Lumière' });
  const scope = { accountId: account.id };
  await updateAccountSettings(db, {
    accountId: account.id,
    receiptsEnabled: p.receiptsEnabled ?? true,
    defaultLocale: p.defaultLocale ?? null,
    businessDetails: { support_email: 'aide@lumiere.example' },
  });
  const product = await createProduct(db, scope, parseParams(createProductSchema, { name: 'Lampe de bureau' }));
  const price = await createPrice(db, scope, parseParams(createPriceSchema, { product: product.id, unit_amount: '2500', currency: 'eur' }));
  const params = parseParams(createCheckoutSessionSchema, {
    mode: 'payment',
    line_items: [{ price: price.id, quantity: '1' }],
    success_url: 'https://shop.example/ok',
    ...p.session,
  });
  const now = p.now ?? new Date();
  const sessionId = (await createSessionRow(db, scope, params, now)).id;
  const result = await confirmPayment(db, {
    sessionId,
    form: payForm(p.card ?? 'ok', 'claire@example.com'),
    clientKey: `k-${sessionId}`,
    now,
  });
  if (result.state !== 'complete') throw new Error(`the test payment did not complete: ${JSON.stringify(result)}`);
  const [session] = await db.select().from(checkoutSessions).where(eq(checkoutSessions.id, sessionId));
  const intentId = defined(session.paymentIntentId, 'the session’s payment intent');
  const { latestChargeId } = defined(await findPaymentIntent(db, { accountId: account.id, id: intentId }), 'the payment intent');
  const charge = defined(await findCharge(db, { accountId: account.id, id: defined(latestChargeId, 'latest_charge') }), 'the charge');
  return { accountId: account.id, sessionId, charge };
}

/** A refund row of the charge, in a given state: the receipt reads refunds as rows, whatever code wrote them. */
export async function addRefund(
  db: Queryable,
  charge: ChargeRow,
  p: { amount: number; status: RefundRow['status']; createdAt: Date; reason?: RefundReason },
): Promise<RefundRow> {
  return insertRefund(db, {
    id: newId('re'),
    accountId: charge.accountId,
    livemode: charge.livemode,
    createdAt: p.createdAt,
    chargeId: charge.id,
    paymentIntentId: charge.paymentIntentId,
    customerId: charge.customerId,
    paymentMethodId: charge.paymentMethodId,
    amount: p.amount,
    currency: charge.currency,
    status: p.status,
    reason: p.reason ?? 'requested_by_customer',
  });
}

/** Turns the account's receipts off (or on) after the payment. */
export async function setReceipts(db: Db, accountId: string, receiptsEnabled: boolean): Promise<void> {
  await db.update(accounts).set({ receiptsEnabled }).where(eq(accounts.id, accountId));
}

/**
 * The paid charge turned into an authorization waiting for capture, as a session with
 * payment_intent_data.capture_method=manual leaves it (written directly: this branch's checkout does not
 * carry the session's capture_method to its intent yet).
 */
export async function asAuthorizationOnly(db: Db, paid: PaidCharge): Promise<PaidCharge> {
  await db
    .update(paymentIntents)
    .set({ status: 'requires_capture', captureMethod: 'manual', amountReceived: 0 })
    .where(eq(paymentIntents.id, paid.charge.paymentIntentId));
  const [charge] = await db
    .update(charges)
    .set({ captured: false, amountCaptured: 0, captureBefore: new Date(paid.charge.createdAt.getTime() + 7 * 86400_000) })
    .where(eq(charges.id, paid.charge.id))
    .returning();
  return { ...paid, charge };
}
