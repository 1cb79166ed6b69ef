import type Stripe from 'stripe';
import { CARDS, fillCard, fillPaymentDetails } from './support/checkout-page';
import { expect, test } from './support/fixtures';
import { defined } from './support/defined';

test.describe('paying on the hosted page', () => {
  test('paying with 4242 4242 4242 4242 → the merchant’s success page with the session id, and the API shows the session paid', async ({
    page,
    merchant,
    shop,
    createSession,
  }) => {
    const session = await createSession();
    await page.goto(defined(session.url, 'session.url'));
    await fillPaymentDetails(page, { email: 'jenny.rosen@example.com', card: CARDS.visa });
    await page.getByRole('button', { name: 'Pay €25.00' }).click();

    await expect(page).toHaveURL(shop.successUrlFor(session.id));
    await expect(page.getByRole('heading', { name: 'Order received' })).toBeVisible();
    await expect(page.getByTestId('session-id')).toHaveText(session.id);

    const paid = await merchant.stripe.checkout.sessions.retrieve(session.id);
    expect(paid.status).toBe('complete');
    expect(paid.payment_status).toBe('paid');
    expect(paid.customer_details?.email).toBe('jenny.rosen@example.com');
    expect(paid.amount_total).toBe(2500);
    expect(paid.payment_intent).toMatch(/^pi_/);
  });

  test('paying with 4242 4242 4242 4242 → the API shows a succeeded payment intent for exactly amount_total', async ({
    page,
    merchant,
    shop,
    createSession,
  }) => {
    const session = await createSession();
    await page.goto(defined(session.url, 'session.url'));
    await fillPaymentDetails(page);
    await page.getByRole('button', { name: 'Pay €25.00' }).click();
    await expect(page).toHaveURL(shop.successUrlFor(session.id));

    const paid = await merchant.stripe.checkout.sessions.retrieve(session.id, { expand: ['payment_intent'] });
    const intent = paid.payment_intent as Stripe.PaymentIntent;
    expect(intent).toMatchObject({ object: 'payment_intent', status: 'succeeded', amount: paid.amount_total, currency: 'eur' });
  });

  test('paying with a declined card → "Your card was declined.", the session stays open, and paying with 4242 then succeeds', async ({
    page,
    merchant,
    shop,
    createSession,
  }) => {
    const session = await createSession();
    await page.goto(defined(session.url, 'session.url'));
    await fillPaymentDetails(page, { card: CARDS.declined });
    await page.getByRole('button', { name: 'Pay €25.00' }).click();

    await expect(page.getByTestId('payment-error')).toHaveText('Your card was declined.');
    await expect(page).toHaveURL(defined(session.url, 'session.url'));
    const open = await merchant.stripe.checkout.sessions.retrieve(session.id);
    expect(open.status).toBe('open');
    expect(open.payment_status).toBe('unpaid');

    await fillCard(page, CARDS.visa);
    await page.getByRole('button', { name: 'Pay €25.00' }).click();
    await expect(page).toHaveURL(shop.successUrlFor(session.id));
    const paid = await merchant.stripe.checkout.sessions.retrieve(session.id);
    expect(paid.status).toBe('complete');
    expect(paid.payment_status).toBe('paid');
  });

  test('paying with a card without funds (…9995) → "Your card has insufficient funds." and the session stays open', async ({
    page,
    merchant,
    createSession,
  }) => {
    const session = await createSession();
    await page.goto(defined(session.url, 'session.url'));
    await fillPaymentDetails(page, { card: CARDS.insufficientFunds });
    await page.getByRole('button', { name: 'Pay €25.00' }).click();

    await expect(page.getByTestId('payment-error')).toHaveText('Your card has insufficient funds.');
    expect((await merchant.stripe.checkout.sessions.retrieve(session.id)).status).toBe('open');
  });
});
