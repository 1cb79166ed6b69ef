import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { CartAction } from '@/lib/checkout/page-state';
import type { PageView } from '@/lib/checkout/page-view';
import { makeCheckoutView, makePageLine } from '@/lib/checkout/testing/checkout-view';
import { renderCheckout } from '@/components/testing/render';
import { OrderSummary } from './order-summary';

const text = (el: HTMLElement) => el.textContent.replace(/\s/g, ' ');

function renderSummary(view: PageView, locale: 'en' | 'fr' = 'en') {
  const actions = {
    quantity: vi.fn<CartAction>(() => Promise.resolve({ error: null })),
    optional: vi.fn<CartAction>(() => Promise.resolve({ error: null })),
    promotion: vi.fn<CartAction>(() => Promise.resolve({ error: null })),
  };
  renderCheckout(<OrderSummary view={view} locale={locale} actions={actions} />, { locale });
  return actions;
}

describe('OrderSummary', () => {
  it('a typical session: the headline total, the line with its quantity, no promotion code field', () => {
    renderSummary(makeCheckoutView());
    expect(screen.getByTestId('headline-total').textContent).toBe('€25.00');
    const line = screen.getByTestId('line-item');
    expect(within(line).getByText('T-shirt')).toBeTruthy();
    expect(within(line).getByText('Qty 1')).toBeTruthy();
    expect(within(line).queryByRole('spinbutton')).toBeNull();
    expect(screen.queryByText('Add promotion code')).toBeNull();
  });

  it('several of one item show the unit price; an adjustable line gets a quantity control with its limits', () => {
    renderSummary(
      makeCheckoutView({
        lines: [makePageLine({ quantity: 3, amountSubtotal: 7500, amountTotal: 7500, adjustable: { minimum: 1, maximum: 3 } })],
      }),
    );
    const line = screen.getByTestId('line-item');
    expect(within(line).getByText('€25.00 each')).toBeTruthy();
    expect(within(line).getByTestId('line-total').textContent).toBe('€75.00');
    const field = within(line).getByRole<HTMLInputElement>('spinbutton', { name: 'Quantity for T-shirt' });
    expect([field.value, field.min, field.max]).toEqual(['3', '1', '3']);
    expect(within(line).getByRole<HTMLButtonElement>('button', { name: 'Increase quantity' }).disabled).toBe(true);
  });

  it('a subscription with a trial: the trial length under the headline and the price per period on the line', () => {
    renderSummary(
      makeCheckoutView({
        mode: 'subscription',
        trialDays: 14,
        lines: [makePageLine({ name: 'Pro plan', unitAmount: 1000, recurring: { interval: 'month', intervalCount: 1 } })],
        totals: { subtotal: 0, discount: 0, shipping: 0, tax: 0, total: 0 },
        recurring: { amount: 1000, interval: 'month', intervalCount: 1 },
      }),
    );
    expect(screen.getByTestId('headline-total').textContent).toBe('€0.00');
    expect(screen.getByText('14 days free')).toBeTruthy();
    expect(within(screen.getByTestId('line-item')).getByText('€10.00 / month')).toBeTruthy();
    expect(text(screen.getByTestId('then-recurring'))).toBe('Then €10.00 / month');
  });

  it("a customer's code shows applied, with its percentage", () => {
    const discount = { code: 'SUMMER25', name: 'Summer', percentOff: '25', amountOff: null, fixedByMerchant: false };
    renderSummary(makeCheckoutView({ allowPromotionCodes: true, discount }));
    expect(within(screen.getByTestId('promotion-applied')).getByText('SUMMER25 applied')).toBeTruthy();
    expect(screen.getByText('25% off')).toBeTruthy();
  });

  it('a discount the merchant set offers no code field', () => {
    renderSummary(makeCheckoutView({ discount: { code: null, name: 'Staff', percentOff: null, amountOff: 500, fixedByMerchant: true } }));
    expect(screen.queryByTestId('promotion-applied')).toBeNull();
    expect(screen.queryByText('Add promotion code')).toBeNull();
  });

  it('an optional item is offered with its price, and Add posts its line selected', async () => {
    const actions = renderSummary(
      makeCheckoutView({
        optionalItems: [makePageLine({ id: 'li_test_wrap', name: 'Gift wrap', unitAmount: 300, optional: true, selected: false })],
      }),
    );
    expect(screen.getByText('Add to your order')).toBeTruthy();
    expect(screen.getByText('€3.00')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Add Gift wrap' }));
    await waitFor(() => {
      expect(actions.optional).toHaveBeenCalledTimes(1);
    });
    expect(Object.fromEntries(actions.optional.mock.calls[0][1].entries())).toEqual({ line: 'li_test_wrap', selected: 'true' });
  });

  it('a zero-decimal currency: JPY lines and headline without decimals', () => {
    renderSummary(
      makeCheckoutView({
        currency: 'jpy',
        lines: [makePageLine({ unitAmount: 500, quantity: 3, amountSubtotal: 1500, amountTotal: 1500 })],
        totals: { subtotal: 1500, discount: 0, shipping: 0, tax: 0, total: 1500 },
      }),
    );
    expect(screen.getByTestId('headline-total').textContent).toBe('¥1,500');
    expect(screen.getByText('¥500 each')).toBeTruthy();
  });
});
