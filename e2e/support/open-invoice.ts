import { expect } from '@playwright/test';
import { defined } from './defined';
import type { Merchant } from './merchant';
import { paidSubscription } from './paid-session';

const DAY = 86_400;

export type OpenInvoice = { url: string; number: string; invoiceId: string };

/**
 * An open invoice of the merchant's, as a customer comes to owe one: subscribed to a €15.00/month plan with
 * 20 % VAT and a 7-day trial, on a test clock, with the card that saves but declines every charge
 * (4000 0000 0000 0341); the clock is advanced past the trial, the first period is invoiced and its automatic
 * payment declined. Its hosted_invoice_url and number as the API shows them.
 */
export async function openInvoice(merchant: Merchant, p: { preferredLocales?: string[] } = {}): Promise<OpenInvoice> {
  const { stripe } = merchant;
  const start = Math.floor(Date.now() / 1000);
  const clock = await stripe.testHelpers.testClocks.create({ frozen_time: start });
  const customer = await stripe.customers.create({
    email: 'claire@example.com',
    name: 'Claire Dubois',
    test_clock: clock.id,
    ...(p.preferredLocales ? { preferred_locales: p.preferredLocales } : {}),
  });
  const vat = await stripe.taxRates.create({ display_name: 'VAT', percentage: 20, inclusive: false });
  const { subscriptionId } = await paidSubscription(stripe, {
    unitAmount: 1500,
    card: '4000 0000 0000 0341',
    params: { customer: customer.id, subscription_data: { trial_period_days: 7, default_tax_rates: [vat.id] } },
  });
  await stripe.testHelpers.testClocks.advance(clock.id, { frozen_time: start + 7 * DAY + 60 });
  await expect.poll(async () => (await stripe.testHelpers.testClocks.retrieve(clock.id)).status, { timeout: 60_000 }).toBe('ready');
  const [open] = (await stripe.invoices.list({ subscription: subscriptionId, status: 'open' })).data;
  const invoice = defined(open, 'the open invoice');
  return {
    url: defined(invoice.hosted_invoice_url, 'hosted_invoice_url'),
    number: defined(invoice.number, 'invoice.number'),
    invoiceId: defined(invoice.id, 'invoice.id'),
  };
}
