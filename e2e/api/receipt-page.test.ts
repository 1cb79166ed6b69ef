import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { defined } from '../support/defined';
import { newMerchant, testServerUrl } from '../support/merchant';
import { IBAN_SUCCEEDS, paidSession, type PaidSessionOptions } from '../support/paid-session';

/** The page as a browser without JavaScript gets it. */
const get = async (url: string, headers: Record<string, string> = {}) => {
  const res = await fetch(url, { headers, redirect: 'manual' });
  return { status: res.status, headers: res.headers, html: await res.text() };
};

/** React writes text as HTML: undo the escapes the assertions would trip on. */
const text = (html: string) => html.replaceAll('&#x27;', "'").replaceAll('&amp;', '&').replaceAll('&quot;', '"');

/**
 * A merchant's customer pays a hosted session for a €25.00 desk lamp (paidSession); the charge it left, as
 * the merchant sees it in the charge.succeeded (or charge.pending) event, and the intent's latest_charge.
 */
async function paidCharge(p: Omit<PaidSessionOptions, 'product'> = {}) {
  const { stripe } = await newMerchant('Maison Lumière');
  const paid = await paidSession(stripe, { ...p, product: 'Desk lamp' });
  const [event] = (await stripe.events.list({ types: ['charge.succeeded', 'charge.pending'] })).data;
  const charge = event.data.object as Stripe.Charge;
  expect(charge.id).toBe(paid.chargeId);
  return { stripe, charge, receiptUrl: defined(charge.receipt_url, 'receipt_url') };
}

describe('the hosted receipt page', () => {
  it('a customer pays by card → the charge’s receipt_url shows the merchant, €25.00, the lamp and Visa ending in 4242, framed by nobody', async () => {
    const { receiptUrl } = await paidCharge();
    expect(receiptUrl).toMatch(new RegExp(`^${testServerUrl()}/receipts/ch_[A-Za-z0-9]+/[A-Za-z0-9_-]{32}$`));
    const page = await get(receiptUrl);
    expect(page.status).toBe(200);
    const html = text(page.html);
    expect(html).toContain('<html lang="en"');
    expect(html).toContain('Receipt from Maison Lumière');
    expect(html).toMatch(/Receipt #[A-Za-z0-9]{4}-[A-Za-z0-9]{4}/);
    expect(html).toContain('Amount paid');
    expect(html).toContain('€25.00');
    expect(html).toContain('Desk lamp');
    expect(html).toContain('Visa ending in 4242');
    expect(html).not.toContain('4242424242424242');
    expect(html).not.toContain('4242 4242 4242 4242');
    // The checkout's theme variables, so the receipt looks like the page the customer paid on.
    expect(html).toContain('--ck-button:#');
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('referrer-policy')).toBe('same-origin');
    expect(page.headers.get('x-robots-tag')).toBe('noindex, nofollow');
  });

  it('a tampered signature, another charge’s signature or an unknown charge → 404 and the same "Receipt not found" page', async () => {
    const { receiptUrl } = await paidCharge();
    const other = await paidCharge();
    const sig = defined(receiptUrl.split('/').at(-1), 'the signature');
    const base = receiptUrl.slice(0, -sig.length);
    const tampered = `${base}${sig.startsWith('A') ? 'B' : 'A'}${sig.slice(1)}`;
    const othersSignature = `${base}${defined(other.receiptUrl.split('/').at(-1), 'the other signature')}`;
    const unknownCharge = `${testServerUrl()}/receipts/ch_doesnotexist0000000000/${sig}`;
    for (const url of [tampered, othersSignature, unknownCharge, `${testServerUrl()}/receipts/%ff/${sig}`]) {
      const page = await get(url);
      expect(page.status, url).toBe(404);
      // In the page's RSC payload: Next does not server-render a notFound() page's markup (vercel/next.js#62228), the checkout's neither.
      expect(page.html).toContain('Receipt not found');
      expect(page.html).not.toContain('Desk lamp');
      expect(page.html).not.toContain('Maison Lumière');
    }
  });

  it('a French session → the receipt page in French, whatever language the browser asks for', async () => {
    const { receiptUrl } = await paidCharge({ params: { locale: 'fr' } });
    const page = await get(receiptUrl, { 'accept-language': 'de-DE,de;q=0.9' });
    expect(page.status).toBe(200);
    const html = text(page.html);
    expect(html).toContain('<html lang="fr"');
    expect(html).toContain('Reçu de Maison Lumière');
    expect(html).toContain('Montant payé');
    expect(html).toContain('25,00\u00a0€');
    expect(html).toContain('Visa se terminant par 4242');
  });

  it('an "auto" session opened by a German browser → the receipt page in German', async () => {
    const { receiptUrl } = await paidCharge();
    const html = text((await get(receiptUrl, { 'accept-language': 'de-DE,de;q=0.9' })).html);
    expect(html).toContain('Quittung von Maison Lumière');
    expect(html).toContain('Visa mit Endziffern 4242');
  });

  it('a customer pays by SEPA Direct Debit → the page names the debit by its last four digits, never the IBAN', async () => {
    const { receiptUrl } = await paidCharge({ sepaIban: IBAN_SUCCEEDS });
    // Pending or, once the test bank has answered (SEPA_TEST_SETTLE_SECONDS), paid: the method reads the same.
    const page = await get(receiptUrl);
    expect(page.status).toBe(200);
    const html = text(page.html);
    expect(html).toContain('SEPA Direct Debit ending in 3000');
    expect(html).not.toContain('DE89370400440532013000');
    expect(html).not.toContain('DE89 3704');
  });
});
