import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderDashboard } from '@/components/testing/render-dashboard';
import type { ActionResult } from '@/lib/actions/result';
import type { ConfirmedAction } from '../confirmed-action-form';
import { VoidInvoiceForm } from './void-invoice-form';

describe('VoidInvoiceForm', () => {
  it('says what the customer no longer owes; "Void invoice" asks "Void invoice ABCD-0002?" first, then voids', async () => {
    const action = vi.fn<ConfirmedAction>(() => Promise.resolve({ ok: true, data: undefined }));
    renderDashboard(<VoidInvoiceForm number="ABCD-0002" amountRemaining={900} currency="eur" action={action} />);
    expect(screen.getByText(/no longer owe €9.00/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Void invoice' }));
    expect(await screen.findByText('Void invoice ABCD-0002? This cannot be undone.')).toBeTruthy();
    expect(action).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Yes, void the invoice' }));
    await waitFor(() => {
      expect(action).toHaveBeenCalledTimes(1);
    });
  });

  it('an invoice paid meanwhile → the refusal is shown, nothing else changes', async () => {
    const refused = (): Promise<ActionResult<unknown>> =>
      Promise.resolve({ ok: false, error: 'invalid', message: 'This invoice can no longer be voided. Reload the page.' });
    renderDashboard(<VoidInvoiceForm number="ABCD-0002" amountRemaining={900} currency="eur" action={refused} />);
    await userEvent.click(screen.getByRole('button', { name: 'Void invoice' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Yes, void the invoice' }));
    expect((await screen.findByRole('alert')).textContent).toBe('This invoice can no longer be voided. Reload the page.');
  });

  it('in French: "Annuler la facture ABCD-0002 ? C’est définitif."', async () => {
    renderDashboard(<VoidInvoiceForm number="ABCD-0002" amountRemaining={900} currency="eur" action={vi.fn<ConfirmedAction>()} />, {
      locale: 'fr',
    });
    expect(screen.getByText(/ne devra plus 9,00\s€/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Annuler la facture' }));
    expect(await screen.findByText('Annuler la facture ABCD-0002 ? C’est définitif.')).toBeTruthy();
  });
});
