import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { CartAction } from '@/lib/checkout/page-state';
import { renderCheckout } from '@/components/testing/render';
import { PromotionCode } from './promotion-code';

const posted = (action: { mock: { calls: Parameters<CartAction>[] } }, call = 0) =>
  Object.fromEntries(action.mock.calls[call][1].entries());

describe('PromotionCode', () => {
  it('"Add promotion code" opens the field, and Apply posts the code as typed', async () => {
    const action = vi.fn<CartAction>(() => Promise.resolve({ error: null }));
    renderCheckout(<PromotionCode applied={null} action={action} />);
    await userEvent.click(screen.getByText('Add promotion code'));
    await userEvent.type(screen.getByRole('textbox', { name: 'Promotion code' }), 'summer25');
    await userEvent.click(screen.getByRole('button', { name: 'Apply' }));
    await waitFor(() => {
      expect(action).toHaveBeenCalledTimes(1);
    });
    expect(posted(action)).toEqual({ code: 'summer25' });
  });

  it('a refused code: the reason shows, tied to the field, and what was typed stays', async () => {
    const action = vi.fn<CartAction>(() => Promise.resolve({ error: 'code_unknown' }));
    renderCheckout(<PromotionCode applied={null} action={action} />);
    await userEvent.click(screen.getByText('Add promotion code'));
    const field = screen.getByRole<HTMLInputElement>('textbox', { name: 'Promotion code' });
    await userEvent.type(field, 'NOPE');
    await userEvent.click(screen.getByRole('button', { name: 'Apply' }));
    const message = await screen.findByTestId('promotion-error');
    expect(message.textContent).toBe('This code is invalid.');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.getAttribute('aria-describedby')).toBe(message.id);
    // The same input, still holding the code, inside a <details> that stays open.
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Promotion code' })).toBe(field);
    expect(field.value).toBe('NOPE');
    expect(field.closest('details')?.open).toBe(true);
  });

  it('an applied code shows its name and discount, and the remove button posts remove=true', async () => {
    const action = vi.fn<CartAction>(() => Promise.resolve({ error: null }));
    renderCheckout(<PromotionCode applied={{ code: 'SUMMER25', label: '25% off' }} action={action} />);
    expect(screen.getByText('SUMMER25 applied')).toBeTruthy();
    expect(screen.getByText('25% off')).toBeTruthy();
    expect(screen.queryByRole('textbox')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Remove promotion code' }));
    await waitFor(() => {
      expect(action).toHaveBeenCalledTimes(1);
    });
    expect(posted(action)).toEqual({ remove: 'true' });
  });

  it('after the applied code is removed, the field is empty again', async () => {
    const action = vi.fn<CartAction>(() => Promise.resolve({ error: null }));
    const { rerender } = renderCheckout(<PromotionCode applied={null} action={action} />);
    await userEvent.click(screen.getByText('Add promotion code'));
    await userEvent.type(screen.getByRole('textbox', { name: 'Promotion code' }), 'SUMMER25');
    await userEvent.click(screen.getByRole('button', { name: 'Apply' }));
    await waitFor(() => {
      expect(action).toHaveBeenCalledTimes(1);
    });
    // The server re-renders the page with the code applied, then without it once removed.
    rerender(<PromotionCode applied={{ code: 'SUMMER25', label: '25% off' }} action={action} />);
    rerender(<PromotionCode applied={null} action={action} />);
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Promotion code' }).value).toBe('');
  });

  it('a removal the server refuses says why', async () => {
    const action = vi.fn<CartAction>(() => Promise.resolve({ error: 'payment_in_progress' }));
    renderCheckout(<PromotionCode applied={{ code: 'SUMMER25', label: '25% off' }} action={action} />);
    await userEvent.click(screen.getByRole('button', { name: 'Remove promotion code' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Your payment is being processed: the order cannot change now.');
  });
});
