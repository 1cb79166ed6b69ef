import { and, eq, like } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { emails } from '@/db/schema';
import { hostedInvoiceUrl } from '@/lib/billing/invoices/invoice-url';
import { payInvoiceOnPage } from '@/lib/billing/invoices/pay-invoice-on-page';
import { openInvoice, SAVES_THEN_DECLINES, type OpenInvoice } from '@/lib/billing/testing/open-invoice';
import { useCheckoutDatabase } from '@/lib/checkout/testing/checkout-db';
import { CARDS } from '@/lib/checkout/testing/checkout-world';
import { env } from '@/lib/env';
import { present } from '@/lib/util/present';
import { invoiceRecipient } from './queue-invoice-emails';

const db = useCheckoutDatabase('caisse_invoice_emails');
const SUBSCRIBED_AT = new Date('2026-03-01T10:00:00Z');
const PAID_AT = new Date('2026-03-09T12:00:00Z');

/** The account's invoice emails (the checkout's own receipt aside: a €0.00 trial start sends none anyway), oldest first. */
const invoiceEmails = (open: OpenInvoice) =>
  db()
    .select()
    .from(emails)
    .where(and(eq(emails.accountId, open.accountId), like(emails.text, `%${present(open.invoice.number, 'number')}%`)))
    .orderBy(emails.createdAt);

const link = (open: OpenInvoice) => hostedInvoiceUrl(env().APP_URL, open.invoice.id);

const payOnPage = (open: OpenInvoice, card: string) =>
  payInvoiceOnPage(db(), {
    invoiceId: open.invoice.id,
    signature: present(link(open).split('/').at(-1), 'signature'),
    form: { card: { number: card, expiry: '12 / 40', cvc: '123', name: 'Claire Dubois' } },
    clientKey: `client-${open.invoice.id}`,
    now: PAID_AT,
  });

describe('the email of a failed automatic payment', () => {
  it('an English customer’s renewal declined → "update your card", the reason, the next attempt and the invoice’s link', async () => {
    const open = await openInvoice(db(), { now: SUBSCRIBED_AT });
    const [mail, ...others] = await invoiceEmails(open);
    expect(others).toEqual([]);
    expect(mail).toMatchObject({ kind: 'receipt', to: 'claire@example.com', status: 'pending' });
    expect(mail.subject).toBe('Your payment to Maison Lumière failed: update your card');
    expect(mail.text).toContain('Your payment to Maison Lumière failed');
    expect(mail.text).toContain(`We could not charge your card for invoice #${present(open.invoice.number, 'number')}.`);
    expect(mail.text).toContain('Reason: Your card was declined.');
    expect(mail.text).toContain('If nothing changes, we will try your card again on March 11, 2026.');
    expect(mail.text).toContain('Amount due: €18.00');
    expect(mail.text).toContain(`Pay this invoice: ${link(open)}`);
    expect(mail.html).toContain(`href="${link(open)}"`);
    expect(JSON.stringify(mail)).not.toContain(SAVES_THEN_DECLINES);
  });

  it('a customer who subscribed on a French checkout → the email in French', async () => {
    const open = await openInvoice(db(), { now: SUBSCRIBED_AT, locale: 'fr' });
    const [mail] = await invoiceEmails(open);
    expect(mail.subject).toBe('Votre paiement à Maison Lumière a échoué : mettez à jour votre carte');
    expect(mail.text).toContain('Motif : Votre carte a été refusée.');
    expect(mail.text).toContain('le 11 mars 2026');
    expect(mail.text).toContain('Montant dû: 18,00\u00a0€');
  });

  it('a customer whose preferred locale is German, though they subscribed in French → the email in German', async () => {
    const open = await openInvoice(db(), { now: SUBSCRIBED_AT, locale: 'fr', preferredLocales: ['de-DE'] });
    const [mail] = await invoiceEmails(open);
    expect(mail.subject).toBe('Ihre Zahlung an Maison Lumière ist fehlgeschlagen: Aktualisieren Sie Ihre Karte');
  });

  it('the customer’s own declined attempt on the page → no email: they saw it there', async () => {
    const open = await openInvoice(db(), { now: SUBSCRIBED_AT });
    await payOnPage(open, CARDS.declined);
    expect(await invoiceEmails(open)).toHaveLength(1);
  });
});

describe('the receipt of a paid invoice', () => {
  it('paid on its page by a French customer → a receipt in French: amount, date, card, number and link', async () => {
    const open = await openInvoice(db(), { now: SUBSCRIBED_AT, locale: 'fr' });
    expect(await payOnPage(open, CARDS.ok)).toEqual({ state: 'paid' });
    const [, receipt, ...others] = await invoiceEmails(open);
    expect(others).toEqual([]);
    const number = present(open.invoice.number, 'number');
    expect(receipt).toMatchObject({ kind: 'receipt', to: 'claire@example.com' });
    expect(receipt.subject).toBe(`Votre reçu de Maison Lumière pour la facture n° ${number}`);
    expect(receipt.text).toContain(`La facture n° ${number} a été payée. Merci !`);
    expect(receipt.text).toContain('Montant payé: 18,00\u00a0€');
    expect(receipt.text).toContain('Date du paiement: 9 mars 2026');
    expect(receipt.text).toContain('Visa se terminant par 4242');
    expect(receipt.text).toContain(`Voir cette facture en ligne: ${link(open)}`);
    expect(JSON.stringify(receipt)).not.toContain(CARDS.ok);
  });
});

describe('invoiceRecipient', () => {
  const account = { receiptsEnabled: false };
  const invoice = { customer: { email: 'claire@example.com', name: null, phone: null, address: null }, subscriptionId: null };
  it('an invoice of no subscription, from an account that sends no receipts → nobody', () => {
    expect(invoiceRecipient({ account, invoice, customer: null })).toBeNull();
  });
  it('the same with receipts on → the email frozen on the invoice', () => {
    expect(invoiceRecipient({ account: { receiptsEnabled: true }, invoice, customer: null })).toBe('claire@example.com');
  });
  it('a subscription’s invoice without any email → nobody', () => {
    const noEmail = { ...invoice, customer: null, subscriptionId: 'sub_1' };
    expect(invoiceRecipient({ account, invoice: noEmail, customer: { email: null } })).toBeNull();
  });
});
