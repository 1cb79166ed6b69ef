import { describe, expect, it } from 'vitest';
import { renderReceipt, type ReceiptInput } from './render-receipt';

const base: ReceiptInput = {
  locale: 'en',
  merchant: {
    name: 'Lamp Shop',
    branding: { button_color: '#aa3300' },
    business: {
      support_email: 'help@lamp.example',
      address: { line1: '1 Rue de Paris', postal_code: '75001', city: 'Paris', country: 'FR' },
    },
  },
  number: 'Ab12-Cd34',
  paidAt: new Date('2026-03-14T10:00:00Z'),
  currency: 'eur',
  items: [
    { name: 'Lamp', quantity: 2, amount: 8000 },
    { name: 'Bulb', quantity: 1, amount: 500 },
  ],
  amounts: { subtotal: 8500, discount: 1000, shipping: 700, tax: 0, total: 8200 },
  card: { brand: 'visa', last4: '4242' },
  shipping: {
    name: 'Ada Lovelace',
    address: { line1: '2 Baker St', line2: null, city: 'London', state: null, postal_code: 'NW1 6XE', country: 'GB' },
  },
};

describe('renderReceipt', () => {
  it('a reverse-charged sale says so under the totals, with the customer’s VAT number, in the receipt’s language', () => {
    const en = renderReceipt({ ...base, reverseCharge: { customerTaxIds: ['FR40303265045'] } });
    const note = 'Reverse charge: VAT to be accounted for by the recipient. FR40303265045';
    expect(en.text).toContain(`Total: €82.00\n${note}`);
    expect(en.html).toContain(note);
    expect(renderReceipt(base).text).not.toContain('Reverse charge');
    const de = renderReceipt({ ...base, locale: 'de', reverseCharge: { customerTaxIds: [] } });
    expect(de.text).not.toContain('Reverse charge');
    expect(de.text).toMatch(/Steuerschuldnerschaft|Reverse-Charge/);
  });

  it('a merchant’s English receipt lists items, totals, card, shipping and support details', () => {
    const r = renderReceipt(base);
    expect(r.subject).toBe('Your receipt from Lamp Shop #Ab12-Cd34');
    expect(r.text).toContain('Lamp — Qty 2 — €80.00');
    expect(r.text).toContain('Bulb — Qty 1 — €5.00');
    expect(r.text).toContain('Subtotal: €85.00');
    expect(r.text).toContain('Discount: -€10.00');
    expect(r.text).toContain('Shipping: €7.00');
    // A zero tax line is left out.
    expect(r.text).not.toContain('Tax:');
    expect(r.text).toContain('Total: €82.00');
    expect(r.text).toContain('Payment method: Visa ending in 4242');
    expect(r.text).toContain('Date paid: March 14, 2026');
    expect(r.text).toContain('Ada Lovelace\n2 Baker St\nNW1 6XE London\nUnited Kingdom');
    expect(r.text).toContain('Questions? Contact Lamp Shop at help@lamp.example.');
    expect(r.html).toContain('background:#aa3300');
  });

  it('a French session gets French labels and French money', () => {
    const r = renderReceipt({ ...base, locale: 'fr' });
    expect(r.subject).toBe('Votre reçu de Lamp Shop n° Ab12-Cd34');
    expect(r.text).toContain('Montant payé: 82,00\u00a0€');
    expect(r.text).toContain('Visa se terminant par 4242');
    expect(r.text).toContain('Date du paiement: 14 mars 2026');
    expect(r.text).toContain('Royaume-Uni');
  });

  it('zero-decimal currencies show no decimals (jpy in Japanese)', () => {
    const r = renderReceipt({
      ...base,
      locale: 'ja',
      currency: 'jpy',
      items: [{ name: 'Tea', quantity: 1, amount: 500 }],
      amounts: { subtotal: 500, discount: 0, shipping: 0, tax: 0, total: 500 },
    });
    expect(r.text).toMatch(/Tea — 数量: 1 — [￥¥]500\n/);
  });

  it('merchant and customer strings are escaped in the HTML part but kept as typed in the text part', () => {
    const evil = '<img src=x onerror="alert(1)">';
    const r = renderReceipt({
      ...base,
      merchant: {
        name: `A&B ${evil}`,
        branding: { button_color: 'red;background:url(x)', logo_url: 'javascript:alert(1)' },
        business: null,
      },
      items: [{ name: evil, quantity: 1, amount: 100 }],
      shipping: { name: `<b>Eve</b>`, address: { line1: `"quoted" 'street'`, country: 'FR' } },
    });
    expect(r.html).not.toContain('<img src=x');
    expect(r.html).not.toContain('<b>Eve</b>');
    expect(r.html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
    expect(r.html).toContain('A&amp;B');
    expect(r.html).toContain('&quot;quoted&quot; &#39;street&#39;');
    // A colour that is not a hex colour falls back to the default; a non-https logo is dropped.
    expect(r.html).not.toContain('url(x)');
    expect(r.html).not.toContain('javascript:');
    expect(r.text).toContain(evil);
  });

  it('a receipt without a card or shipping address leaves those parts out', () => {
    const r = renderReceipt({ ...base, card: null, shipping: null, merchant: { ...base.merchant, business: null } });
    expect(r.text).not.toContain('Payment method');
    expect(r.text).not.toContain('Shipping address');
    expect(r.text).not.toContain('Questions?');
  });

  it('a SEPA debit shows its last four digits as the payment method, never more of the IBAN', () => {
    const r = renderReceipt({ ...base, card: null, sepaDebit: { last4: '3000' } });
    expect(r.text).toContain('Payment method: SEPA Direct Debit ending in 3000');
    const de = renderReceipt({ ...base, locale: 'de', card: null, sepaDebit: { last4: '3000' } });
    expect(de.text).toContain('Zahlungsmethode: SEPA-Lastschrift mit Endziffern 3000');
  });

  it('a refund’s email leads with the refund and the payment it came from, lists the refunds and says when the money arrives', () => {
    const r = renderReceipt({
      ...base,
      refunds: [
        { amount: 1000, createdAt: new Date('2026-03-15T08:00:00Z'), status: 'failed' },
        { amount: 2000, createdAt: new Date('2026-03-16T08:00:00Z'), status: 'pending' },
      ],
      refund: { amount: 2000, createdAt: new Date('2026-03-16T08:00:00Z') },
      link: 'https://pay.example/receipts/ch_1/sig',
    });
    expect(r.subject).toBe('Your refund from Lamp Shop #Ab12-Cd34');
    expect(r.text).toContain('Amount refunded: €20.00\nDate refunded: March 16, 2026\nOriginal payment: €82.00 on March 14, 2026');
    expect(r.text).toContain('Refunds usually take 5 to 10 business days');
    expect(r.text).toContain('March 15, 2026 — €10.00 — Failed\nMarch 16, 2026 — €20.00 — Pending\nTotal refunded: €20.00');
    expect(r.text).toContain('View your receipt online: https://pay.example/receipts/ch_1/sig');
    expect(r.text).toContain('You are receiving this email because Lamp Shop refunded a payment you made.');
    expect(r.html).toContain('href="https://pay.example/receipts/ch_1/sig"');
  });

  it('an authorization not captured yet says so, and calls the amount authorized rather than paid', () => {
    const r = renderReceipt({ ...base, state: 'authorized' });
    expect(r.text).toContain('Authorized: This amount is reserved on your payment method. You have not been charged yet.');
    expect(r.text).toContain('Amount authorized: €82.00');
    expect(r.text).not.toContain('Amount paid');
  });
});
