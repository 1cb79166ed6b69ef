import { CARDS, fillCard, fillPaymentDetails } from './support/checkout-page';
import { expect, test } from './support/fixtures';
import { defined } from './support/defined';

test('declining three cards, then paying with a good one → the browser solves a proof-of-work first, then the payment goes through', async ({
  page,
  merchant,
  shop,
  createSession,
}) => {
  test.setTimeout(420_000);
  const session = await createSession();
  await page.goto(defined(session.url, 'session.url'));
  await fillPaymentDetails(page, { card: CARDS.declined });
  for (let i = 1; i <= 3; i++) {
    await page.getByRole('button', { name: 'Pay €25.00' }).click();
    // Each decline recorded (its event), not just the message, which the previous decline left on the page.
    await expect
      .poll(async () => (await merchant.stripe.events.list({ type: 'payment_intent.payment_failed', limit: 100 })).data.length)
      .toBe(i);
    await expect(page.getByTestId('payment-error')).toHaveText('Your card was declined.');
    // Each attempt starts from a fresh card field, as after a real decline.
    await expect.poll(async () => (await merchant.stripe.checkout.sessions.retrieve(session.id)).status).toBe('open');
    if (i < 3) await fillCard(page, CARDS.declined);
  }
  // The page now asks this browser for work: the solver runs while the customer types.
  await page.reload();
  await fillPaymentDetails(page, { card: CARDS.visa });
  // A bound, not a speed check: a solve takes seconds on an idle machine and far longer on a busy one (the solver's own limit is 5 min).
  await expect(page.locator('input[name="altcha"]')).toHaveCount(1, { timeout: 300_000 });
  await page.getByRole('button', { name: 'Pay €25.00' }).click();
  await expect(page).toHaveURL(shop.successUrlFor(session.id));
  expect((await merchant.stripe.checkout.sessions.retrieve(session.id)).payment_status).toBe('paid');
});
