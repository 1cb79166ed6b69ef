import { describe, expect, it } from 'vitest';
import { invoiceDocument, type InvoiceDocumentInput } from '@/lib/billing/invoices/invoice-document';
import { STRIPE_DECLINES } from '@/lib/payments/decline-messages';
import { renderInvoiceEmail } from './render-invoice-email';

const AT = new Date('2026-05-08T12:00:00Z');

/** A €9.00 monthly invoice of "<Shop> & Co" (a name that must be escaped in HTML), open. */
const documentInput: InvoiceDocumentInput = {
  locale: 'en',
  merchant: { name: '<Shop> & Co', business: null },
  invoice: {
    number: 'ABCD1234-0002',
    status: 'open',
    currency: 'eur',
    subtotal: 900,
    total: 900,
    amountPaid: 0,
    amountRemaining: 900,
    totalTaxes: [],
    totalDiscountAmounts: [],
    finalizedAt: AT,
    createdAt: AT,
    paidAt: null,
    customer: { email: 'jenny@example.com', name: 'Jenny Rosen', phone: null, address: null },
    nextPaymentAttempt: null,
  },
  lines: [{ description: '1 × Pro plan', quantity: 1, amount: 900, periodStart: AT, periodEnd: new Date('2026-06-08T12:00:00Z') }],
  taxRates: new Map(),
  discountNames: new Map(),
};

const failed = (decline: (typeof STRIPE_DECLINES)[keyof typeof STRIPE_DECLINES] | { code: string; declineCode: null; message: string }) =>
  renderInvoiceEmail({
    locale: 'en',
    merchant: { name: '<Shop> & Co', branding: {} },
    number: 'ABCD1234-0002',
    document: invoiceDocument(documentInput),
    link: 'https://caisse.example/i/in_1/sig',
    kind: 'failed',
    decline,
    nextAttempt: null,
  });

describe('renderInvoiceEmail', () => {
  it('the last retry declined for insufficient funds → the reason, and no retry to come', () => {
    const mail = failed(STRIPE_DECLINES.insufficient_funds);
    expect(mail.subject).toBe('Your payment to <Shop> & Co failed: update your card');
    expect(mail.text).toContain('Reason: Your card has insufficient funds.');
    expect(mail.text).toContain('We will not try your card again automatically.');
    expect(mail.text).toContain('1 × Pro plan — Qty 1 · May 8, 2026 – June 8, 2026 — €9.00');
    expect(mail.html).toContain('&lt;Shop&gt; &amp; Co');
    expect(mail.html).not.toContain('<Shop>');
  });

  it('no card on file → no decline reason: the email only asks for a card', () => {
    const mail = failed({ code: 'resource_missing', declineCode: null, message: 'This customer has no attached payment source.' });
    expect(mail.text).not.toContain('Reason:');
    expect(mail.text).toContain('Pay this invoice: https://caisse.example/i/in_1/sig');
  });
});
