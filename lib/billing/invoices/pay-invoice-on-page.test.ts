import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { findInvoice, updateInvoiceIf } from '@/db/queries/invoices';
import { findPaymentMethod } from '@/db/queries/payment-methods';
import { findSubscription } from '@/db/queries/subscriptions';
import { paymentIntents } from '@/db/schema';
import { openInvoice, type OpenInvoice } from '@/lib/billing/testing/open-invoice';
import { useCheckoutDatabase } from '@/lib/checkout/testing/checkout-db';
import { CARDS } from '@/lib/checkout/testing/checkout-world';
import { eventsOf } from '@/lib/payments/testing/paid-charge';
import { present } from '@/lib/util/present';
import { completeInvoiceChallenge, pendingInvoiceChallenge } from './authenticate-invoice';
import { voidInvoice } from './void-invoice';
import { loadInvoicePage } from './invoice-page-view';
import { hostedInvoiceUrl } from './invoice-url';
import { INVOICE_CARD_LIMIT, payInvoiceOnPage } from './pay-invoice-on-page';

const db = useCheckoutDatabase('caisse_invoice_page');
const SUBSCRIBED_AT = new Date('2026-03-01T10:00:00Z');
const PAID_AT = new Date('2026-03-09T12:00:00Z');

/** The signature of the invoice's hosted_invoice_url: what the customer's link carries. */
const signatureOf = (invoiceId: string) => present(hostedInvoiceUrl('https://x', invoiceId).split('/').at(-1), 'the signature');

const cardForm = (number: string) => ({ card: { number, expiry: '12 / 40', cvc: '123', name: 'Claire Dubois' } });

/** Claire pays the invoice on its page with `card`, as the form posts it. */
const pay = (open: OpenInvoice, card: string, clientKey = `client-${open.invoice.id}`) =>
  payInvoiceOnPage(db(), {
    invoiceId: open.invoice.id,
    signature: signatureOf(open.invoice.id),
    form: cardForm(card),
    clientKey,
    now: PAID_AT,
  });

const invoiceNow = async (open: OpenInvoice) =>
  present(await findInvoice(db(), { accountId: open.accountId, id: open.invoice.id }), 'the invoice');

const page = (open: OpenInvoice, acceptLanguage: string | null = null) =>
  loadInvoicePage(db(), { invoiceId: open.invoice.id, signature: signatureOf(open.invoice.id), acceptLanguage });

describe('the open invoice the factory makes', () => {
  it('is a declined renewal: open, attempted once, a retry 3 days later, its subscription past due', async () => {
    const open = await openInvoice(db(), { now: SUBSCRIBED_AT });
    expect(open.invoice).toMatchObject({ status: 'open', attemptCount: 1, amountRemaining: 1800, amountDue: 1800 });
    expect(open.invoice.nextPaymentAttempt).toEqual(new Date(open.trialEnd.getTime() + 3 * 86_400_000));
    expect((await findSubscription(db(), { accountId: open.accountId, id: open.subscriptionId }))?.status).toBe('past_due');
  });
});

describe('the hosted invoice page', () => {
  it('an open invoice → its number, lines with their period, VAT 20 %, total and amount due, and a card form', async () => {
    const open = await openInvoice(db(), { now: SUBSCRIBED_AT });
    const view = present(await page(open), 'the page');
    expect(view.locale).toBe('en');
    expect(view.document.heading).toBe('Invoice from Maison Lumière');
    expect(view.document.number).toBe(`Invoice #${present(open.invoice.number, 'number')}`);
    expect(view.document.status).toEqual({ state: 'open', label: 'Open' });
    expect(view.document.headline).toBe('€18.00 due');
    expect(view.document.items).toEqual([
      { description: '1 × Abonnement Lumière', detail: ['Qty 1', 'March 8, 2026 – April 8, 2026'], amount: '€15.00' },
    ]);
    expect(view.document.totals).toEqual([
      ['Subtotal', '€15.00'],
      ['VAT (20%)', '€3.00'],
      ['Total', '€18.00'],
    ]);
    expect(view.document.due).toEqual(['Amount due', '€18.00']);
    expect(view.document.billTo?.lines).toContain('claire@example.com');
    expect(view.document.nextAttempt).toBe('The next automatic payment attempt is on March 11, 2026.');
    expect(view.payAmount).toBe('€18.00');
    expect(view.receiptUrl).toBeNull();
  });

  it('a wrong signature, or another invoice’s → no page', async () => {
    const open = await openInvoice(db(), { now: SUBSCRIBED_AT });
    const id = open.invoice.id;
    expect(await loadInvoicePage(db(), { invoiceId: id, signature: 'A'.repeat(32), acceptLanguage: null })).toBeNull();
    expect(await loadInvoicePage(db(), { invoiceId: id, signature: signatureOf('in_other'), acceptLanguage: null })).toBeNull();
  });

  it('the language: the customer’s preferred locale, else the checkout’s, else the browser’s', async () => {
    const french = await openInvoice(db(), { now: SUBSCRIBED_AT, locale: 'fr' });
    expect((await page(french, 'de-DE'))?.locale).toBe('fr');
    expect((await page(french))?.document.headline).toBe('18,00\u00a0€ à payer');
    const german = await openInvoice(db(), { now: SUBSCRIBED_AT, locale: 'fr', preferredLocales: ['de'] });
    expect((await page(german))?.locale).toBe('de');
    const unsaid = await openInvoice(db(), { now: SUBSCRIBED_AT });
    expect((await page(unsaid, 'it-IT,it;q=0.9'))?.locale).toBe('it');
  });
});

describe('an invoice that takes no payment', () => {
  /** Voided as the API voids it; marked uncollectible or kept as a draft as a paused subscription's renewal leaves it. */
  const into = {
    void: (open: OpenInvoice) => db().transaction((tx) => voidInvoice(tx, open.invoice, PAID_AT)),
    uncollectible: (open: OpenInvoice) =>
      updateInvoiceIf(db(), {
        accountId: open.accountId,
        id: open.invoice.id,
        from: ['open'],
        set: { status: 'uncollectible', markedUncollectibleAt: PAID_AT },
      }),
    draft: (open: OpenInvoice) =>
      updateInvoiceIf(db(), {
        accountId: open.accountId,
        id: open.invoice.id,
        from: ['open'],
        set: { status: 'draft', number: null, finalizedAt: null },
      }),
  };

  it.each([
    ['void', 'Void', 'This invoice was voided. Nothing is due.'],
    ['uncollectible', 'Uncollectible', 'This invoice was marked as uncollectible. Contact Maison Lumière about it.'],
    ['draft', 'Draft', 'This invoice is not final yet and cannot be paid.'],
  ] as const)('%s → its state, no card form, and paying is refused', async (status, label, headline) => {
    const open = await openInvoice(db(), { now: SUBSCRIBED_AT });
    await into[status](open);
    const view = present(await page(open), 'the page');
    expect(view.document.status).toEqual({ state: status, label });
    expect(view.document.headline).toBe(headline);
    expect(view).toMatchObject({ payAmount: null, challengePending: false, receiptUrl: null });
    expect(await pay(open, CARDS.ok)).toEqual({ state: 'closed' });
    expect((await invoiceNow(open)).attemptCount).toBe(1);
  });
});

describe('paying an invoice on its page', () => {
  it('with 4242 → paid; the subscription active again, with the new card as its default, saved to charge again', async () => {
    const open = await openInvoice(db(), { now: SUBSCRIBED_AT });
    expect(await pay(open, CARDS.ok)).toEqual({ state: 'paid' });
    const invoice = await invoiceNow(open);
    expect(invoice).toMatchObject({ status: 'paid', amountPaid: 1800, amountRemaining: 0, attemptCount: 2, paidAt: PAID_AT });
    const sub = present(await findSubscription(db(), { accountId: open.accountId, id: open.subscriptionId }), 'the subscription');
    expect(sub.status).toBe('active');
    const method = present(
      await findPaymentMethod(db(), { accountId: open.accountId, id: present(sub.defaultPaymentMethodId, 'default') }),
      'the method',
    );
    expect(method).toMatchObject({ customerId: invoice.customerId, processorState: { off_session: 'succeed' } });
    expect(method.card?.last4).toBe('4242');
    const intent = (
      await db()
        .select()
        .from(paymentIntents)
        .where(eq(paymentIntents.id, present(invoice.paymentIntentId, 'intent')))
    )[0];
    expect(intent).toMatchObject({ status: 'succeeded', paymentMethodId: method.id, offSession: false });

    const updated = (await eventsOf(db(), open.accountId)).filter((e) => e.type === 'customer.subscription.updated').at(-1);
    expect(updated?.previous).toMatchObject({ status: 'past_due' });
    expect(updated?.object).toMatchObject({ status: 'active', default_payment_method: method.id });

    const view = present(await page(open), 'the page');
    expect(view.document.status).toEqual({ state: 'paid', label: 'Paid' });
    expect(view.document.headline).toBe('Paid on March 9, 2026');
    expect(view.payAmount).toBeNull();
    expect(view.receiptUrl).toMatch(/\/receipts\/ch_/);
  });

  it('a second payment of a paid invoice → closed, nothing charged', async () => {
    const open = await openInvoice(db(), { now: SUBSCRIBED_AT });
    await pay(open, CARDS.ok);
    expect(await pay(open, CARDS.ok)).toEqual({ state: 'closed' });
    expect((await invoiceNow(open)).amountPaid).toBe(1800);
  });

  it('with a declined card → "decline.generic", the invoice still open and its retry schedule as it was', async () => {
    const open = await openInvoice(db(), { now: SUBSCRIBED_AT });
    expect(await pay(open, CARDS.declined)).toEqual({ state: 'declined', message: 'decline.generic' });
    const invoice = await invoiceNow(open);
    expect(invoice).toMatchObject({ status: 'open', attemptCount: 2, amountRemaining: 1800 });
    expect(invoice.nextPaymentAttempt).toEqual(open.invoice.nextPaymentAttempt);
    expect((await page(open))?.payAmount).toBe('€18.00');
  });

  it('a number that is no card, or a real card in test mode → the field’s error, nothing attempted', async () => {
    const open = await openInvoice(db(), { now: SUBSCRIBED_AT });
    expect(await pay(open, '4242 4242 4242 4241')).toEqual({ state: 'invalid', errors: { 'card.number': 'card.number.invalid' } });
    expect(await pay(open, '5105 1051 0510 5100')).toEqual({ state: 'invalid', errors: { 'card.number': 'card.test_mode_only' } });
    expect((await invoiceNow(open)).attemptCount).toBe(1);
  });

  it(`past ${INVOICE_CARD_LIMIT.attempts} card attempts on one invoice in an hour → refused, from any client address`, async () => {
    const open = await openInvoice(db(), { now: SUBSCRIBED_AT });
    for (let n = 0; n < INVOICE_CARD_LIMIT.attempts; n++) expect((await pay(open, CARDS.declined, `client-${n}`)).state).toBe('declined');
    expect(await pay(open, CARDS.ok, 'a-new-client')).toEqual({ state: 'refused', reason: 'too_many_attempts' });
    expect((await invoiceNow(open)).status).toBe('open');
  });

  it('with a 3-D Secure card → the challenge; completed → paid, and a second answer changes nothing', async () => {
    const open = await openInvoice(db(), { now: SUBSCRIBED_AT });
    expect(await pay(open, CARDS.challenge)).toEqual({ state: 'requires_action' });
    const signature = signatureOf(open.invoice.id);
    expect(await pendingInvoiceChallenge(db(), { invoiceId: open.invoice.id, signature })).toMatchObject({ amount: 1800, currency: 'eur' });
    const view = present(await page(open), 'the page');
    expect(view).toMatchObject({ challengePending: true, payAmount: null });

    const answer = (result: 'complete' | 'fail') =>
      completeInvoiceChallenge(db(), { invoiceId: open.invoice.id, signature, result, now: PAID_AT });
    expect(await answer('complete')).toEqual({ state: 'paid' });
    expect(await answer('complete')).toEqual({ state: 'closed' });
    expect((await invoiceNow(open)).status).toBe('paid');
    const sub = present(await findSubscription(db(), { accountId: open.accountId, id: open.subscriptionId }), 'the subscription');
    const method = await findPaymentMethod(db(), { accountId: open.accountId, id: present(sub.defaultPaymentMethodId, 'default') });
    expect(method?.card?.last4).toBe('3184');
  });

  it('with a 3-D Secure card whose challenge fails → "decline.authentication_failed", the form back for another card', async () => {
    const open = await openInvoice(db(), { now: SUBSCRIBED_AT });
    await pay(open, CARDS.challenge);
    const signature = signatureOf(open.invoice.id);
    expect(await completeInvoiceChallenge(db(), { invoiceId: open.invoice.id, signature, result: 'fail', now: PAID_AT })).toEqual({
      state: 'declined',
      message: 'decline.authentication_failed',
    });
    expect(await pendingInvoiceChallenge(db(), { invoiceId: open.invoice.id, signature })).toBeNull();
    expect((await page(open))?.payAmount).toBe('€18.00');
    expect(await pay(open, CARDS.ok)).toEqual({ state: 'paid' });
  });
});
