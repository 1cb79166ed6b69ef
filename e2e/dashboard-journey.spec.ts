import Stripe from 'stripe';
import { startReceiver } from './api/webhook-fixtures';
import { fillPaymentDetails } from './support/checkout-page';
import { expect, signUp, test } from './support/mail';
import { defined } from './support/defined';

// The whole merchant journey without curl: sign up, build a catalog, sell through a session made on
// the dashboard, and see the payment and the webhook that fulfils it.
test('a merchant signs up, creates a product and price and a session, the customer pays → the dashboard shows it paid with its delivered webhook', async ({
  page,
  browser,
  shop,
  inbox,
}) => {
  test.setTimeout(90_000);
  const receiver = await startReceiver();
  try {
    await signUp(page, inbox, 'Journey Coffee');

    await page.goto('/dashboard/developers/webhooks');
    await page.getByLabel('Endpoint URL').fill(receiver.url('/fulfil'));
    await page.getByLabel('checkout.session.completed').check();
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    const secret = await page.getByTestId('revealed-secret').inputValue();
    receiver.route('/fulfil', secret, () => ({ status: 200, body: 'fulfilled' }));

    await page.goto('/dashboard/catalog/products/new');
    await page.getByLabel('Name').fill('Espresso beans');
    await page.getByRole('button', { name: 'Create product' }).click();
    await expect(page.getByRole('heading', { name: 'Espresso beans' })).toBeVisible();
    await page.getByLabel('Amount').fill('12.50');
    await page.getByLabel('Currency').fill('eur');
    await page.getByRole('button', { name: 'Add price' }).click();
    await expect(page.getByRole('row').filter({ hasText: '€12.50' })).toBeVisible();

    await page.goto('/dashboard/catalog/new-session');
    await page.getByLabel('Espresso beans — €12.50', { exact: true }).check();
    await page.getByLabel('Quantity of Espresso beans — €12.50').fill('2');
    await page.getByLabel('Success URL').fill(shop.successUrl);
    await page.getByRole('button', { name: 'Create session' }).click();
    const link = page.getByRole('link', { name: /\/c\/cs_test_/ });
    const url = defined(await link.getAttribute('href'), "link.getAttribute('href')");
    const sessionId = url.split('/c/')[1];

    const customer = await browser.newPage({ locale: 'en-US' });
    await customer.goto(url);
    await expect(customer.getByText('Espresso beans')).toBeVisible();
    await fillPaymentDetails(customer, { email: 'ada@example.com' });
    await customer.getByRole('button', { name: 'Pay €25.00' }).click();
    await expect(customer).toHaveURL(shop.successUrlFor(sessionId));
    await customer.close();

    // The merchant's endpoint got a validly signed checkout.session.completed for this session.
    await receiver.until(() => receiver.hits.some((h) => h.stripeOk && h.body.includes(sessionId)), 30_000);
    const hit = defined(
      receiver.hits.find((h) => h.body.includes(sessionId)),
      `a webhook about ${sessionId}`,
    );
    const event = new Stripe('sk_test_unused').webhooks.constructEvent(hit.body, String(hit.headers['stripe-signature']), secret);
    expect(event).toMatchObject({
      type: 'checkout.session.completed',
      data: { object: { id: sessionId, payment_status: 'paid', amount_total: 2500 } },
    });

    await page.goto('/dashboard/sessions');
    const row = page.getByRole('row', { name: /ada@example\.com/ });
    await expect(row).toContainText('€25.00');
    await expect(row).toContainText('Paid');
    await page.goto(`/dashboard/sessions/${sessionId}`);
    await expect(page.getByTestId('session-total')).toHaveText('€25.00');
    const completed = page.getByTestId('session-events').getByRole('listitem').filter({ hasText: 'checkout.session.completed' });
    await expect(completed).toContainText(receiver.url('/fulfil'));
    // The worker records the 200 just after the receiver answered: the page shows it on a later load.
    await expect(async () => {
      await page.reload();
      await expect(completed).toContainText('Succeeded', { timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
    await expect(completed).toContainText('HTTP 200');
  } finally {
    await receiver.close();
  }
});
