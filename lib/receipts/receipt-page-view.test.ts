import { describe, expect, it } from 'vitest';
import { defined } from '@/e2e/support/defined';
import { useCheckoutDatabase } from '@/lib/checkout/testing/checkout-db';
import { env } from '@/lib/env';
import { releaseAuthorization } from '@/lib/payments/authorizations/release-authorization';
import { paidCharge, SEPA_IBANS, type PaidCharge, type PaidChargeOptions } from '@/lib/payments/testing/paid-charge';
import { testProcessor } from '@/lib/payments/test-processor';
import { loadReceiptPage } from './receipt-page-view';
import { receiptSignatureValid, receiptUrl } from './receipt-url';
import { addRefund, receiptsShop, type ReceiptsShopOptions } from './testing/receipts-shop';

const db = useCheckoutDatabase('caisse_receipt_page');
const PAID_AT = new Date('2026-03-14T10:00:00Z');
const day = (n: number) => new Date(PAID_AT.getTime() + n * 86400_000);

/** A customer paid Maison Lumière for one lamp at PAID_AT (see receiptsShop), by card unless `with` says otherwise. */
const paid = async ({ receiptsEnabled, defaultLocale, ...payment }: ReceiptsShopOptions & Omit<PaidChargeOptions, 'now'> = {}) =>
  paidCharge(db(), await receiptsShop(db(), { receiptsEnabled, defaultLocale }), { ...payment, now: PAID_AT });

/** The signature the charge's receipt_url carries. */
const signatureOf = (chargeId: string) => defined(receiptUrl(env().APP_URL, chargeId).split('/').at(-1), 'the signature');

const open = (payment: PaidCharge, acceptLanguage: string | null = null) =>
  loadReceiptPage(db(), { chargeId: payment.charge.id, signature: signatureOf(payment.charge.id), acceptLanguage });

describe('the receipt link’s signature', () => {
  it('the charge’s own signature opens its receipt; a wrong one, or another charge’s, opens nothing', async () => {
    const [a, b] = [await paid(), await paid()];
    const sigA = signatureOf(a.charge.id);
    expect(receiptSignatureValid(a.charge.id, sigA)).toBe(true);
    expect(receiptSignatureValid(a.charge.id, signatureOf(b.charge.id))).toBe(false);
    const flipped = (sigA.startsWith('A') ? 'B' : 'A') + sigA.slice(1);
    for (const signature of [flipped, sigA.slice(0, -1), `${sigA}x`, '', signatureOf(b.charge.id)])
      expect(await loadReceiptPage(db(), { chargeId: a.charge.id, signature, acceptLanguage: null })).toBeNull();
    expect((await open(a))?.receipt.heading).toBe('Receipt from Maison Lumière');
  });

  it('an unknown charge id with a signature made for it → nothing, as for a wrong signature', async () => {
    const chargeId = 'ch_doesnotexist000000000000';
    expect(await loadReceiptPage(db(), { chargeId, signature: signatureOf(chargeId), acceptLanguage: null })).toBeNull();
  });
});

describe('loadReceiptPage', () => {
  it('a paid charge → the merchant, amount, date, number, card and items, in the checkout’s theme, no status and no refunds', async () => {
    const payment = await paid();
    const page = defined(await open(payment), 'the receipt page');
    expect(page).toMatchObject({ locale: 'en', livemode: false, merchant: { name: 'Maison Lumière', logoUrl: null } });
    expect(page.theme.button).toMatch(/^#[0-9a-f]{6}$/);
    const r = page.receipt;
    expect(r.number).toMatch(/^Receipt #[A-Za-z0-9]{4}-[A-Za-z0-9]{4}$/);
    expect(r.facts).toEqual([
      ['Amount paid', '€25.00'],
      ['Date paid', 'March 14, 2026'],
      ['Payment method', 'Visa ending in 4242'],
    ]);
    expect(r.items).toEqual([{ name: 'Lampe de bureau', detail: 'Qty 1', amount: '€25.00' }]);
    expect(r.totals.at(-1)).toEqual(['Total', '€25.00']);
    expect(r.status).toBeNull();
    expect(r.refunds).toBeNull();
    // The page is the link: it does not link to itself.
    expect(r.link).toBeNull();
  });

  it('refunds in every state → each one’s date, amount and status, oldest first; the total counts only those not failed or canceled', async () => {
    const payment = await paid();
    await addRefund(db(), payment.charge, { amount: 300, status: 'pending', createdAt: day(3) });
    await addRefund(db(), payment.charge, { amount: 500, status: 'succeeded', createdAt: day(1) });
    await addRefund(db(), payment.charge, { amount: 700, status: 'failed', createdAt: day(2) });
    await addRefund(db(), payment.charge, { amount: 100, status: 'canceled', createdAt: day(4) });
    await addRefund(db(), payment.charge, { amount: 200, status: 'requires_action', createdAt: day(5) });
    const refunds = defined((await open(payment))?.receipt.refunds, 'the refunds');
    expect(refunds.title).toBe('Refunds');
    expect(refunds.rows).toEqual([
      { date: 'March 15, 2026', amount: '€5.00', status: 'Refunded', state: 'succeeded' },
      { date: 'March 16, 2026', amount: '€7.00', status: 'Failed', state: 'failed' },
      { date: 'March 17, 2026', amount: '€3.00', status: 'Pending', state: 'pending' },
      { date: 'March 18, 2026', amount: '€1.00', status: 'Canceled', state: 'canceled' },
      { date: 'March 19, 2026', amount: '€2.00', status: 'Pending', state: 'pending' },
    ]);
    expect(refunds.total).toEqual(['Total refunded', '€10.00']);
  });

  it('an authorization not captured yet → shown as authorized, for the amount held', async () => {
    const payment = await paid({ with: { card: 'ok', capture: 'manual' } });
    const r = defined(await open(payment), 'the receipt page').receipt;
    expect(r.status).toMatchObject({ state: 'authorized', label: 'Authorized' });
    expect(r.facts[0]).toEqual(['Amount authorized', '€25.00']);
    expect(r.facts[1]).toEqual(['Date', 'March 14, 2026']);
    expect(r.refunds).toBeNull();
  });

  it('an authorization released → shown as canceled, without its release listed as a refund', async () => {
    const payment = await paid({ with: { card: 'ok', capture: 'manual' } });
    await db().transaction((tx) =>
      releaseAuthorization(tx, {
        scope: payment.scope,
        chargeId: payment.charge.id,
        processor: testProcessor,
        cancellationReason: 'abandoned',
        refundReason: null,
        now: day(1),
      }),
    );
    const r = defined(await open(payment), 'the receipt page').receipt;
    expect(r.status).toMatchObject({ state: 'canceled', label: 'Canceled' });
    expect(r.status?.detail).toBe('The authorization was released. You were not charged.');
    expect(r.refunds).toBeNull();
  });

  it('a French session → the page in French, whatever the browser asks', async () => {
    const payment = await paid({ locale: 'fr' });
    await addRefund(db(), payment.charge, { amount: 1000, status: 'succeeded', createdAt: day(1) });
    const page = defined(await open(payment, 'de-DE,de;q=0.9'), 'the receipt page');
    expect(page.locale).toBe('fr');
    expect(page.receipt.heading).toBe('Reçu de Maison Lumière');
    expect(page.receipt.facts[0]).toEqual(['Montant payé', '25,00\u00a0€']);
    expect(page.receipt.refunds?.rows[0]).toMatchObject({ date: '15 mars 2026', status: 'Remboursé' });
    expect(page.receipt.refunds?.total).toEqual(['Total remboursé', '10,00\u00a0€']);
  });

  it('an "auto" session → the browser’s language, else the account’s default', async () => {
    const payment = await paid({ defaultLocale: 'it' });
    expect((await open(payment, 'de-DE,de;q=0.9'))?.receipt.heading).toBe('Quittung von Maison Lumière');
    expect((await open(payment, null))?.receipt.heading).toBe('Ricevuta di Maison Lumière');
  });

  it('a failed charge (a debit the bank returned) → no receipt, as it has no receipt_url', async () => {
    const payment = await paid({ with: { iban: SEPA_IBANS.fails } });
    expect(payment.charge.status).toBe('failed');
    expect(await open(payment)).toBeNull();
  });
});
