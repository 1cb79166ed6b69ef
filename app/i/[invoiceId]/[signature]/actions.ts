'use server';

// The hosted invoice page's server actions: thin wrappers over lib/billing/invoices, each a plain form post without JavaScript.
import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { completeInvoiceChallenge } from '@/lib/billing/invoices/authenticate-invoice';
import type { InvoicePayState } from '@/lib/billing/invoices/invoice-page-state';
import { payInvoiceOnPage } from '@/lib/billing/invoices/pay-invoice-on-page';
import { clientKeyFrom } from '@/lib/security/client-key';

const field = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
};

// POST (server action) — pay the invoice with the card typed on its page
export async function payInvoiceAction(invoiceId: string, signature: string, _: InvoicePayState, form: FormData): Promise<InvoicePayState> {
  const card = {
    number: field(form, 'card.number'),
    expiry: field(form, 'card.expiry'),
    cvc: field(form, 'card.cvc'),
    name: field(form, 'card.name'),
  };
  const path = `/i/${invoiceId}/${signature}`;
  const result = await payInvoiceOnPage(await getDb(), { invoiceId, signature, form: { card }, clientKey: clientKeyFrom(await headers()) });
  if (result.state === 'paid') redirect(path);
  if (result.state === 'requires_action') redirect(`${path}/authenticate`);
  revalidatePath(path);
  // The name comes back; the number, expiry and CVC are typed again.
  return { result, name: card.name };
}

// POST (server action) — the 3-D Secure challenge's answer: back to the invoice, paid or with the decline
export async function authenticateInvoiceAction(invoiceId: string, signature: string, form: FormData): Promise<void> {
  const result = await completeInvoiceChallenge(await getDb(), {
    invoiceId,
    signature,
    result: form.get('result') === 'complete' ? 'complete' : 'fail',
  });
  const path = `/i/${invoiceId}/${signature}`;
  redirect(result.state === 'declined' ? `${path}?declined=${encodeURIComponent(result.message)}` : path);
}
