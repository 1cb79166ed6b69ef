import { oneTimePrice } from './support/catalog';
import { applyPromotionCode, expectTotalDue, fillPaymentDetails } from './support/checkout-page';
import { expect, test } from './support/fixtures';
import { defined } from './support/defined';

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('changing the quantity, applying a promotion code and paying with 4242 with JavaScript off → the merchant’s success page', async ({
    page,
    merchant,
    shop,
    createSession,
  }) => {
    const coupon = await merchant.stripe.coupons.create({ percent_off: 20, duration: 'once' });
    await merchant.stripe.promotionCodes.create({ promotion: { type: 'coupon', coupon: coupon.id }, code: 'NOJS20' });
    const price = await oneTimePrice(merchant.stripe, 2500, 'eur');
    const session = await createSession({
      allow_promotion_codes: true,
      line_items: [{ price: price.id, quantity: 1, adjustable_quantity: { enabled: true, minimum: 1, maximum: 5 } }],
    });
    await page.goto(defined(session.url, 'session.url'));

    await page.getByRole('button', { name: 'Increase quantity' }).click();
    await expect(page.getByLabel('Quantity for T-shirt')).toHaveValue('2');
    await expectTotalDue(page, '€50.00');

    await applyPromotionCode(page, 'NOJS20');
    await expect(page.getByTestId('promotion-applied')).toContainText('NOJS20 applied');
    await expectTotalDue(page, '€40.00');

    await fillPaymentDetails(page, { email: 'nojs@example.com' });
    await page.getByRole('button', { name: 'Pay €40.00' }).click();

    await expect(page).toHaveURL(shop.successUrlFor(session.id));
    await expect(page.getByRole('heading', { name: 'Order received' })).toBeVisible();
    const paid = await merchant.stripe.checkout.sessions.retrieve(session.id);
    expect(paid).toMatchObject({ status: 'complete', payment_status: 'paid', amount_total: 4000 });
    expect(paid.customer_details?.email).toBe('nojs@example.com');
  });

  test('paying with a declined card with JavaScript off → "Your card was declined." and the form keeps the email', async ({
    page,
    merchant,
    createSession,
  }) => {
    const session = await createSession();
    await page.goto(defined(session.url, 'session.url'));
    await fillPaymentDetails(page, { email: 'nojs@example.com', card: '4000 0000 0000 0002' });
    await page.getByRole('button', { name: 'Pay €25.00' }).click();

    await expect(page.getByTestId('payment-error')).toHaveText('Your card was declined.');
    await expect(page.getByLabel('Email', { exact: true })).toHaveValue('nojs@example.com');
    // Card data is never echoed back into the page.
    await expect(page.getByLabel('Card number')).toHaveValue('');
    expect((await merchant.stripe.checkout.sessions.retrieve(session.id)).status).toBe('open');
  });
});
