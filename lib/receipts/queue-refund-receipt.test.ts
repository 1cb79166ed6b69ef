import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { checkoutSessions, emails } from '@/db/schema';
import { useCheckoutDatabase } from '@/lib/checkout/testing/checkout-db';
import { CARDS } from '@/lib/checkout/testing/checkout-world';
import { env } from '@/lib/env';
import { releaseAuthorization } from '@/lib/payments/authorizations/release-authorization';
import { testProcessor } from '@/lib/payments/test-processor';
import { paidCharge, type PaidCharge, type PaidChargeOptions } from '@/lib/payments/testing/paid-charge';
import { queueRefundReceipt } from './queue-refund-receipt';
import { receiptUrl } from './receipt-url';
import { addRefund, receiptsShop, setReceipts, type ReceiptsShopOptions } from './testing/receipts-shop';

const db = useCheckoutDatabase('caisse_refund_receipts');
const PAID_AT = new Date('2026-03-14T10:00:00Z');
const REFUNDED_AT = new Date('2026-03-20T09:00:00Z');

/** Claire paid Maison Lumière for one lamp at PAID_AT (see receiptsShop), by card unless `with` says otherwise. */
const paid = async ({ receiptsEnabled, defaultLocale, ...payment }: ReceiptsShopOptions & Omit<PaidChargeOptions, 'now'> = {}) =>
  paidCharge(db(), await receiptsShop(db(), { receiptsEnabled, defaultLocale }), { ...payment, now: PAID_AT, email: 'claire@example.com' });

const emailsOf = (accountId: string) => db().select().from(emails).where(eq(emails.accountId, accountId)).orderBy(emails.createdAt);

/**
 * Refunds `amount` of the charge (pending, as a card refund starts) and queues its email, in one transaction as the
 * refund's creation does; the emails this added to the outbox (the payment's own receipt is already there).
 */
async function refundAndQueue(payment: PaidCharge, amount: number) {
  const before = new Set((await emailsOf(payment.charge.accountId)).map((e) => e.id));
  await db().transaction(async (tx) => {
    const refund = await addRefund(tx, payment.charge, { amount, status: 'pending', createdAt: REFUNDED_AT });
    await queueRefundReceipt(tx, { charge: payment.charge, refund });
  });
  return (await emailsOf(payment.charge.accountId)).filter((e) => !before.has(e.id));
}

describe('queueRefundReceipt', () => {
  it('an English customer refunded €10.00 of €25.00 → an email with the refund, the original payment, the card’s last four and the receipt link', async () => {
    const payment = await paid();
    const [mail, ...others] = await refundAndQueue(payment, 1000);
    expect(others).toEqual([]);
    expect(mail).toMatchObject({ kind: 'receipt', to: 'claire@example.com', status: 'pending', checkoutSessionId: payment.sessionId });
    expect(mail.subject).toMatch(/^Your refund from Maison Lumière #[A-Za-z0-9]{4}-[A-Za-z0-9]{4}$/);
    expect(mail.text).toContain('Refund from Maison Lumière');
    expect(mail.text).toContain('Amount refunded: €10.00');
    expect(mail.text).toContain('Date refunded: March 20, 2026');
    expect(mail.text).toContain('Original payment: €25.00 on March 14, 2026');
    expect(mail.text).toContain('Payment method: Visa ending in 4242');
    expect(mail.text).toContain('Lampe de bureau — Qty 1 — €25.00');
    expect(mail.text).toContain('March 20, 2026 — €10.00 — Pending');
    expect(mail.text).toContain('Total refunded: €10.00');
    const link = receiptUrl(env().APP_URL, payment.charge.id);
    expect(mail.text).toContain(`View your receipt online: ${link}`);
    expect(mail.html).toContain(`href="${link}"`);
    expect(mail.html).toContain('Amount refunded');
    // Never the card number, in any part of the email.
    expect(JSON.stringify(mail)).not.toContain(CARDS.ok);
  });

  it('a French session → the refund’s email in French, with French money and dates', async () => {
    const payment = await paid({ locale: 'fr' });
    const [mail] = await refundAndQueue(payment, 2500);
    expect(mail.subject).toMatch(/^Votre remboursement de Maison Lumière n° [A-Za-z0-9]{4}-[A-Za-z0-9]{4}$/);
    expect(mail.text).toContain('Montant remboursé: 25,00\u00a0€');
    expect(mail.text).toContain('Date du remboursement: 20 mars 2026');
    expect(mail.text).toContain('Paiement initial: 25,00\u00a0€ le 14 mars 2026');
    expect(mail.text).toContain('Visa se terminant par 4242');
    expect(mail.text).toContain('Voir votre reçu en ligne: ');
    expect(mail.text).toContain('Total remboursé: 25,00\u00a0€');
    expect(JSON.stringify(mail)).not.toContain(CARDS.ok);
  });

  it('an account with receipts off and a session without receipt_email → no email', async () => {
    const payment = await paid({ receiptsEnabled: false });
    expect(await refundAndQueue(payment, 1000)).toEqual([]);
    expect(await emailsOf(payment.charge.accountId)).toEqual([]); // nor was there one for the payment
  });

  it('receipts turned off after the payment → the refund sends none either', async () => {
    const payment = await paid();
    await setReceipts(db(), payment.charge.accountId, false);
    expect(await refundAndQueue(payment, 1000)).toEqual([]);
  });

  it('a session with payment_intent_data.receipt_email → the refund’s email goes there, even with receipts off', async () => {
    const payment = await paid({ receiptsEnabled: false, receiptEmail: 'accounts@buyer.example' });
    const [mail] = await refundAndQueue(payment, 1000);
    expect(mail.to).toBe('accounts@buyer.example');
  });

  it('no customer email to write to → no email, even with receipts on', async () => {
    const payment = await paid();
    await db()
      .update(checkoutSessions)
      .set({ customerEmail: null, customerDetails: null })
      .where(eq(checkoutSessions.id, payment.sessionId));
    expect(await refundAndQueue(payment, 1000)).toEqual([]);
  });

  it('a second refund’s email lists both refunds and what came back in all', async () => {
    const payment = await paid();
    await refundAndQueue(payment, 1000);
    const [second] = await refundAndQueue(payment, 500);
    expect(second.text).toContain('Amount refunded: €5.00');
    expect(second.text).toContain('Total refunded: €15.00');
  });

  it('the release of an authorization that was never captured → no refund email: no money was taken', async () => {
    const payment = await paid({ with: { card: 'ok', capture: 'manual' } });
    const before = (await emailsOf(payment.charge.accountId)).length;
    await db().transaction(async (tx) => {
      const released = await releaseAuthorization(tx, {
        scope: payment.scope,
        chargeId: payment.charge.id,
        processor: testProcessor,
        cancellationReason: 'requested_by_customer',
        refundReason: 'requested_by_customer',
        now: REFUNDED_AT,
      });
      if (!released) throw new Error('the authorization was not released');
      await queueRefundReceipt(tx, { charge: released.charge, refund: released.refund });
    });
    expect(await emailsOf(payment.charge.accountId)).toHaveLength(before);
  });
});

describe('queueReceipt (the payment’s own receipt)', () => {
  it('links to the same receipt page as the refunds’ emails', async () => {
    const payment = await paid();
    const [mail] = await emailsOf(payment.charge.accountId);
    const link = receiptUrl(env().APP_URL, payment.charge.id);
    expect(mail.subject).toMatch(/^Your receipt from Maison Lumière #/);
    expect(mail.text).toContain(`View your receipt online: ${link}`);
    expect(mail.html).toContain(`href="${link}"`);
    expect(mail.text).toContain('Amount paid: €25.00');
    expect(mail.text).not.toContain('Refunds');
  });
});
