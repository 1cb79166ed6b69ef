import { oneTimePrice } from './support/catalog';
import { expectTotalDue } from './support/checkout-page';
import { expect, test } from './support/fixtures';
import { defined } from './support/defined';

test.describe('changing the order on the page', () => {
  test('pressing "Increase quantity" → the line total and the total due go up', async ({ page, merchant, createSession }) => {
    const price = await oneTimePrice(merchant.stripe, 2500, 'eur');
    const session = await createSession({
      line_items: [{ price: price.id, quantity: 1, adjustable_quantity: { enabled: true, minimum: 1, maximum: 5 } }],
    });
    await page.goto(defined(session.url, 'session.url'));
    const line = page.getByTestId('line-item');
    await expect(line.getByTestId('line-total')).toHaveText('€25.00');
    await expectTotalDue(page, '€25.00');

    await page.getByRole('button', { name: 'Increase quantity' }).click();

    await expect(line.getByTestId('line-total')).toHaveText('€50.00');
    await expectTotalDue(page, '€50.00');
    await expect(page.getByLabel('Quantity for T-shirt')).toHaveValue('2');
    await expect(page.getByRole('button', { name: 'Pay €50.00' })).toBeVisible();
    const items = await merchant.stripe.checkout.sessions.listLineItems(session.id);
    expect(items.data[0].quantity).toBe(2);
  });

  test('typing a quantity and pressing "Decrease quantity" → the quantity stays within adjustable_quantity, its buttons disabled at the bounds', async ({
    page,
    merchant,
    createSession,
  }) => {
    const price = await oneTimePrice(merchant.stripe, 2500, 'eur');
    const session = await createSession({
      line_items: [{ price: price.id, quantity: 2, adjustable_quantity: { enabled: true, minimum: 1, maximum: 3 } }],
    });
    await page.goto(defined(session.url, 'session.url'));
    const decrease = page.getByRole('button', { name: 'Decrease quantity' });
    const increase = page.getByRole('button', { name: 'Increase quantity' });
    const quantity = page.getByLabel('Quantity for T-shirt');
    await expect(decrease).toBeEnabled();
    await expect(increase).toBeEnabled();

    await decrease.click();
    await expect(quantity).toHaveValue('1');
    await expect(decrease).toBeDisabled();
    await expect(increase).toBeEnabled();
    await expectTotalDue(page, '€25.00');

    await quantity.fill('3');
    await quantity.press('Tab');
    await expect(increase).toBeDisabled();
    await expect(decrease).toBeEnabled();
    await expectTotalDue(page, '€75.00');

    // Above the maximum: the field itself refuses it (min/max constraint), and the order keeps 3.
    await expect(quantity).toHaveAttribute('min', '1');
    await expect(quantity).toHaveAttribute('max', '3');
    await quantity.fill('5');
    await quantity.press('Tab');
    expect(await quantity.evaluate((input: HTMLInputElement) => input.validity.rangeOverflow)).toBe(true);
    await expectTotalDue(page, '€75.00');
    const items = await merchant.stripe.checkout.sessions.listLineItems(session.id);
    expect(items.data[0].quantity).toBe(3);
  });

  test('pressing "Add" on an optional item → it joins the order and the total goes up', async ({ page, merchant, createSession }) => {
    const socks = await oneTimePrice(merchant.stripe, 500, 'eur', 'Socks');
    const session = await createSession({ optional_items: [{ price: socks.id, quantity: 1 }] });
    await page.goto(defined(session.url, 'session.url'));
    await expect(page.getByTestId('line-item')).toHaveCount(1);
    await expectTotalDue(page, '€25.00');

    await page.getByRole('button', { name: 'Add Socks' }).click();

    await expect(page.getByTestId('line-item')).toHaveCount(2);
    await expect(page.getByTestId('line-item').filter({ hasText: 'Socks' })).toContainText('€5.00');
    await expectTotalDue(page, '€30.00');
    await expect(page.getByRole('button', { name: 'Pay €30.00' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Add Socks' })).toHaveCount(0);
  });
});
