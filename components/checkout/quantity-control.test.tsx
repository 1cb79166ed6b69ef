import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi, type Mock } from 'vitest';
import type { CartAction } from '@/lib/checkout/page-state';
import { renderCheckout } from '@/components/testing/render';
import { QuantityControl } from './quantity-control';

type ActionMock = Mock<CartAction>;
const accepted = (): ActionMock => vi.fn<CartAction>(() => Promise.resolve({ error: null }));
/** What the form posted to the action on its nth call. */
const posted = (action: ActionMock, call = 0) => Object.fromEntries(action.mock.calls[call][1].entries());

function renderControl(p: { quantity: number; minimum?: number; maximum?: number; action?: ActionMock }) {
  const action = p.action ?? accepted();
  renderCheckout(
    <QuantityControl
      name="T-shirt"
      lineId="li_test_tshirt"
      quantity={p.quantity}
      minimum={p.minimum ?? 1}
      maximum={p.maximum ?? 10}
      action={action}
    />,
  );
  return action;
}

describe('QuantityControl', () => {
  it('at the minimum, decrease is disabled and increase is not', () => {
    renderControl({ quantity: 1, minimum: 1, maximum: 10 });
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Decrease quantity' }).disabled).toBe(true);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Increase quantity' }).disabled).toBe(false);
  });

  it('at the maximum, increase is disabled and the field carries the bounds', () => {
    renderControl({ quantity: 5, minimum: 2, maximum: 5 });
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Increase quantity' }).disabled).toBe(true);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Decrease quantity' }).disabled).toBe(false);
    const field = screen.getByRole<HTMLInputElement>('spinbutton', { name: 'Quantity for T-shirt' });
    expect([field.value, field.min, field.max]).toEqual(['5', '2', '5']);
  });

  it('increase posts the line, the current quantity and a step of +1', async () => {
    const action = renderControl({ quantity: 2 });
    await userEvent.click(screen.getByRole('button', { name: 'Increase quantity' }));
    await waitFor(() => {
      expect(action).toHaveBeenCalledTimes(1);
    });
    expect(posted(action)).toEqual({ line: 'li_test_tshirt', quantity: '2', step: '1' });
  });

  it('a quantity typed in the field posts on blur, without a step', async () => {
    const action = renderControl({ quantity: 2 });
    const field = screen.getByRole('spinbutton', { name: 'Quantity for T-shirt' });
    await userEvent.clear(field);
    await userEvent.type(field, '7');
    await userEvent.tab();
    await waitFor(() => {
      expect(action).toHaveBeenCalledTimes(1);
    });
    expect(posted(action)).toEqual({ line: 'li_test_tshirt', quantity: '7' });
  });

  it('a quantity the server refuses shows why', async () => {
    const refused = vi.fn<CartAction>(() => Promise.resolve({ error: 'quantity_out_of_range' }));
    renderControl({ quantity: 2, action: refused });
    await userEvent.click(screen.getByRole('button', { name: 'Decrease quantity' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Choose a quantity within the allowed range.');
    expect(posted(refused)).toMatchObject({ step: '-1' });
  });

  it('a typed quantity past the maximum is held by the field itself; one the server refuses goes back to the cart quantity', async () => {
    const refused = vi.fn<CartAction>(() => Promise.resolve({ error: 'quantity_out_of_range' }));
    renderControl({ quantity: 2, maximum: 10, action: refused });
    const field = screen.getByRole<HTMLInputElement>('spinbutton', { name: 'Quantity for T-shirt' });
    await userEvent.clear(field);
    await userEvent.type(field, '50');
    await userEvent.tab();
    // requestSubmit() checks the field's max before any event: nothing was sent.
    expect(refused).not.toHaveBeenCalled();
    await userEvent.clear(field);
    await userEvent.type(field, '7');
    await userEvent.tab();
    expect((await screen.findByRole('alert')).textContent).toBe('Choose a quantity within the allowed range.');
    expect(posted(refused)).toEqual({ line: 'li_test_tshirt', quantity: '7' });
    expect(field.value).toBe('2');
  });
});
