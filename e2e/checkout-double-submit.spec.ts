import type { Page } from '@playwright/test';
import { fillPaymentDetails } from './support/checkout-page';
import { expect, test } from './support/fixtures';
import { defined } from './support/defined';

/** Where a page may end after paying: the merchant's success page, or the checkout's completed state. */
const finished = (page: Page) => page.getByRole('heading', { name: 'Order received' }).or(page.getByTestId('checkout-complete'));

test.describe('paying twice at once', () => {
  test('two tabs on one session pressing Pay at the same moment → one payment: both end on the success page or the completed state', async ({
    page,
    context,
    merchant,
    shop,
    createSession,
  }) => {
    const session = await createSession();
    const other = await context.newPage();
    for (const tab of [page, other]) {
      await tab.goto(defined(session.url, 'session.url'));
      await fillPaymentDetails(tab, { email: 'twice@example.com' });
    }

    await Promise.all([
      page.getByRole('button', { name: 'Pay €25.00' }).click(),
      other.getByRole('button', { name: 'Pay €25.00' }).click(),
    ]);

    for (const tab of [page, other]) {
      await expect(finished(tab)).toBeVisible();
      await expect(tab.getByTestId('payment-error')).toHaveCount(0);
    }
    const urls = [page.url(), other.url()];
    expect(urls.filter((u) => u === shop.successUrlFor(session.id)).length).toBeGreaterThanOrEqual(1);
    const paid = await merchant.stripe.checkout.sessions.retrieve(session.id);
    expect(paid.status).toBe('complete');
    expect(paid.payment_status).toBe('paid');
    expect(paid.payment_intent).toMatch(/^pi_/);
  });

  test('two tabs on one session pressing Pay at the same moment → the API lists exactly one succeeded payment intent', async ({
    page,
    context,
    merchant,
    createSession,
  }) => {
    const session = await createSession();
    const other = await context.newPage();
    for (const tab of [page, other]) {
      await tab.goto(defined(session.url, 'session.url'));
      await fillPaymentDetails(tab, { email: 'twice@example.com' });
    }

    await Promise.all([
      page.getByRole('button', { name: 'Pay €25.00' }).click(),
      other.getByRole('button', { name: 'Pay €25.00' }).click(),
    ]);
    for (const tab of [page, other]) await expect(finished(tab)).toBeVisible();

    const paid = await merchant.stripe.checkout.sessions.retrieve(session.id);
    const intents = await merchant.stripe.paymentIntents.list({ limit: 10 });
    expect(intents.data).toHaveLength(1);
    expect(intents.data[0]).toMatchObject({ id: paid.payment_intent, status: 'succeeded', amount: 2500 });
  });
});
