import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { openInvoice } from '@/lib/billing/testing/open-invoice';
import { useCheckoutDatabase } from '@/lib/checkout/testing/checkout-db';
import { present } from '@/lib/util/present';
import { loadInvoiceSource } from './invoice-source';
import { pdfLocale, renderInvoicePdf } from './invoice-pdf';
import { pdfText } from '@/lib/billing/testing/pdf-text';

const db = useCheckoutDatabase('caisse_invoice_pdf');
const SUBSCRIBED_AT = new Date('2026-03-01T10:00:00Z');

describe('renderInvoicePdf', () => {
  it('an open invoice → a PDF that loads back, titled with its number, printing the brand, bill-to, lines, totals and status', async () => {
    const open = await openInvoice(db(), { now: SUBSCRIBED_AT });
    const number = present(open.invoice.number, 'number');
    const src = present(await loadInvoiceSource(db(), open.invoice), 'the source');
    const { title, pages, text } = await pdfText(await renderInvoicePdf(src, 'en'));
    expect(title).toBe(`Invoice from Maison Lumière — Invoice #${number}`);
    expect(pages).toBe(1);
    for (const shown of [
      'Maison Lumière',
      `Invoice #${number}`,
      'Open — €18.00 due',
      'Bill to',
      'claire@example.com',
      '1 × Abonnement Lumière',
      'March 8, 2026 – April 8, 2026',
      'VAT (20%)',
      'Amount due',
      '€18.00',
    ])
      expect(text).toContain(shown);
  });

  it('a reverse-charged invoice prints the legal note with the customer’s VAT number under the totals; others print none', async () => {
    const open = await openInvoice(db(), { now: SUBSCRIBED_AT });
    const src = present(await loadInvoiceSource(db(), open.invoice), 'the source');
    const note = 'Reverse charge: VAT to be accounted for by the recipient. FR40303265045';
    expect((await pdfText(await renderInvoicePdf(src, 'en'))).text).not.toContain('Reverse charge');
    const reverseCharged = {
      ...src,
      invoice: {
        ...src.invoice,
        totalTaxes: src.invoice.totalTaxes.map((t) => ({ ...t, amount: 0, taxability_reason: 'reverse_charge' })),
        customer: { ...present(src.invoice.customer, 'customer'), tax_ids: [{ type: 'eu_vat', value: 'FR40303265045' }] },
      },
    };
    expect((await pdfText(await renderInvoicePdf(reverseCharged, 'en'))).text).toContain(note);
  });

  it('in French → French words and money; in Japanese (which Helvetica cannot write) → English', async () => {
    const open = await openInvoice(db(), { now: SUBSCRIBED_AT });
    const src = present(await loadInvoiceSource(db(), open.invoice), 'the source');
    const french = await pdfText(await renderInvoicePdf(src, 'fr'));
    expect(french.text).toContain('Montant dû');
    expect(french.text).toContain('18,00\u00a0€');
    expect((await pdfText(await renderInvoicePdf(src, 'ja'))).text).toContain('Amount due');
  });

  it('prints in every language whose invoice words Helvetica can write (Danish, Swedish, French…), else in English (Polish, Arabic, Japanese…)', async () => {
    const pdf = await PDFDocument.create();
    const charset = new Set((await pdf.embedFont(StandardFonts.Helvetica)).getCharacterSet());
    for (const locale of ['en', 'en-GB', 'fr', 'fr-CA', 'de', 'da', 'sv', 'nb', 'fi', 'es-419', 'pt'] as const)
      expect(pdfLocale(locale, charset)).toBe(locale);
    for (const locale of ['pl', 'cs', 'ro', 'ar', 'he', 'ru', 'ja', 'zh-TW', 'hi'] as const) expect(pdfLocale(locale, charset)).toBe('en');
  });
});
