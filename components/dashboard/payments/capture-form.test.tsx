import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderDashboard } from '@/components/testing/render-dashboard';
import { CaptureForm, type CaptureAction } from './capture-form';

const VISA = { type: 'card', brand: 'visa', last4: '4242' } as const;

describe('CaptureForm', () => {
  it('capturing less says the rest goes back to the customer, and sends the amount typed once confirmed', async () => {
    const action = vi.fn<CaptureAction>(() => Promise.resolve({ ok: true, data: undefined }));
    renderDashboard(<CaptureForm currency="eur" capturable={2500} method={VISA} action={action} />);
    const amount = screen.getByRole<HTMLInputElement>('textbox', { name: 'Amount to capture (EUR)' });
    expect(amount.value).toBe('25.00');
    await userEvent.clear(amount);
    await userEvent.type(amount, '20');
    await userEvent.click(screen.getByRole('button', { name: 'Review capture' }));
    expect(await screen.findByText('Capture €20.00 from Visa •••• 4242?')).toBeTruthy();
    expect(screen.getByText('The remaining €5.00 goes back to the customer.')).toBeTruthy();
    expect(action).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Capture €20.00' }));
    await waitFor(() => {
      expect(action).toHaveBeenCalledWith({ amount: '20' });
    });
  });

  it('more than was authorized is refused before anything is sent', async () => {
    const action = vi.fn<CaptureAction>();
    renderDashboard(<CaptureForm currency="eur" capturable={2500} method={VISA} action={action} />);
    const amount = screen.getByRole('textbox', { name: 'Amount to capture (EUR)' });
    await userEvent.clear(amount);
    await userEvent.type(amount, '26');
    await userEvent.click(screen.getByRole('button', { name: 'Review capture' }));
    expect(await screen.findByText('This is more than the payment allows.')).toBeTruthy();
    expect(action).not.toHaveBeenCalled();
  });
});
