import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { CartAction } from '@/lib/checkout/page-state';
import { renderCheckout } from '@/components/testing/render';
import { ShippingOptions } from './shipping-options';

const OPTIONS = [
  { id: 'shr_test_standard', name: 'Standard', price: 'Free', estimate: '3–5 business days' },
  { id: 'shr_test_express', name: 'Express', price: '€15.00', estimate: null },
];

describe('ShippingOptions', () => {
  it('the chosen rate is checked; choosing another posts it at once', async () => {
    const action = vi.fn<CartAction>(() => Promise.resolve({ error: null }));
    renderCheckout(<ShippingOptions options={OPTIONS} selected="shr_test_standard" action={action} />);
    expect(screen.getByRole<HTMLInputElement>('radio', { name: /Standard/ }).checked).toBe(true);
    expect(screen.getByText('3–5 business days')).toBeTruthy();
    await userEvent.click(screen.getByRole('radio', { name: /Express/ }));
    await waitFor(() => {
      expect(action).toHaveBeenCalledTimes(1);
    });
    expect(Object.fromEntries(action.mock.calls[0][1].entries())).toEqual({ shipping_rate: 'shr_test_express' });
  });

  it('a rate the server refuses shows why', async () => {
    const action = vi.fn<CartAction>(() => Promise.resolve({ error: 'payment_in_progress' }));
    renderCheckout(<ShippingOptions options={OPTIONS} selected="shr_test_standard" action={action} />);
    await userEvent.click(screen.getByRole('radio', { name: /Express/ }));
    expect((await screen.findByRole('alert')).textContent).toBe('Your payment is being processed: the order cannot change now.');
  });
});
