import { CARDS, fillPaymentDetails } from './support/checkout-page';
import { expect, test } from './support/fixtures';
import { defined } from './support/defined';

test.describe('3-D Secure', () => {
  test('paying with a 3-D Secure card and choosing "Complete" → the challenge page, then the merchant’s success page', async ({
    page,
    merchant,
    shop,
    createSession,
  }) => {
    const session = await createSession();
    await page.goto(defined(session.url, 'session.url'));
    await fillPaymentDetails(page, { card: CARDS.threeDSecure });
    await page.getByRole('button', { name: 'Pay €25.00' }).click();

    await expect(page).toHaveURL(`${session.url}/authenticate`);
    await expect(page.getByTestId('authenticate')).toContainText('€25.00');
    await page.getByRole('button', { name: 'Complete' }).click();

    await expect(page).toHaveURL(shop.successUrlFor(session.id));
    const paid = await merchant.stripe.checkout.sessions.retrieve(session.id);
    expect(paid.status).toBe('complete');
    expect(paid.payment_status).toBe('paid');
  });

  test('paying with a 3-D Secure card and choosing "Fail" → back on the checkout with the authentication error, the session still open', async ({
    page,
    merchant,
    createSession,
  }) => {
    const session = await createSession();
    await page.goto(defined(session.url, 'session.url'));
    await fillPaymentDetails(page, { card: CARDS.threeDSecure });
    await page.getByRole('button', { name: 'Pay €25.00' }).click();

    await expect(page).toHaveURL(`${session.url}/authenticate`);
    await page.getByRole('button', { name: 'Fail' }).click();

    await expect(page).toHaveURL((url) => url.pathname === `/c/${session.id}`);
    await expect(page.getByTestId('payment-error')).toHaveText(
      'We are unable to authenticate your payment method. Please choose a different payment method and try again.',
    );
    await expect(page.getByRole('button', { name: 'Pay €25.00' })).toBeEnabled();
    const open = await merchant.stripe.checkout.sessions.retrieve(session.id);
    expect(open.status).toBe('open');
    expect(open.payment_status).toBe('unpaid');
  });
});
