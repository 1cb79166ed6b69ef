import { expect, test } from './support/fixtures';
import { defined } from './support/defined';

test.describe('recovering an expired checkout', () => {
  test('opening an expired session with recovery on and choosing "Start again" → a new open checkout with the same items', async ({
    page,
    merchant,
    createSession,
  }) => {
    const session = await createSession({ after_expiration: { recovery: { enabled: true, allow_promotion_codes: true } } });
    await merchant.stripe.checkout.sessions.expire(session.id);
    await page.goto(defined(session.url, 'session.url'));
    await expect(page.getByTestId('checkout-expired')).toBeVisible();
    await page.getByRole('link', { name: 'Start again' }).click();

    await expect(page.getByTestId('pay-button')).toHaveText('Pay €25.00');
    const newId = new URL(page.url()).pathname.split('/')[2];
    expect(newId).not.toBe(session.id);
    const recovered = await merchant.stripe.checkout.sessions.retrieve(newId);
    expect(recovered).toMatchObject({ status: 'open', recovered_from: session.id, amount_total: 2500, allow_promotion_codes: true });
  });
});
