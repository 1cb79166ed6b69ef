import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderDashboard } from '@/components/testing/render-dashboard';
import type { ActionResult } from '@/lib/actions/result';
import { RefundForm, type RefundAction } from './refund-form';

const VISA = { type: 'card', brand: 'visa', last4: '4242' } as const;
const ok = (): Promise<ActionResult<unknown>> => Promise.resolve({ ok: true, data: undefined });

function renderForm(props: Partial<Parameters<typeof RefundForm>[0]> = {}, locale: 'en' | 'fr' = 'en') {
  const action = vi.fn<RefundAction>(ok);
  const view = renderDashboard(<RefundForm currency="eur" refundable={2500} method={VISA} action={action} {...props} />, { locale });
  return { action, ...view };
}

const amountField = () => screen.getByRole<HTMLInputElement>('textbox', { name: /Amount to refund|Montant à rembourser/ });

async function fillAndReview(amount: string, reason = 'Requested by the customer', review = 'Review refund') {
  await userEvent.clear(amountField());
  await userEvent.type(amountField(), amount);
  await userEvent.selectOptions(screen.getByRole('combobox', { name: /Reason|Motif/ }), reason);
  await userEvent.click(screen.getByRole('button', { name: review }));
}

describe('RefundForm', () => {
  it('starts at what is left to refund, in major units', () => {
    renderForm({ refundable: 1850 });
    expect(amountField().value).toBe('18.50');
    expect(screen.getByText('Up to €18.50. Enter less to refund part of the payment.')).toBeTruthy();
  });

  it('reviewing asks "Refund €12.00 to Visa •••• 4242?" and sends nothing; confirming sends the amount and reason', async () => {
    const { action } = renderForm();
    await fillAndReview('12');
    const question = await screen.findByText('Refund €12.00 to Visa •••• 4242?');
    expect(action).not.toHaveBeenCalled();
    expect(screen.getByText('Reason: Requested by the customer')).toBeTruthy();
    // Focus moves to the question, so a screen reader reads it first.
    expect(document.activeElement).toBe(question);
    expect(screen.getByRole('group', { name: 'Refund €12.00 to Visa •••• 4242?' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Refund €12.00' }));
    await waitFor(() => {
      expect(action).toHaveBeenCalledTimes(1);
    });
    expect(action.mock.calls[0][0]).toEqual({ amount: '12', reason: 'requested_by_customer' });
    expect(await screen.findByText('Refund of €12.00 created.')).toBeTruthy();
  });

  it('"Change" goes back to the fields with what was typed; nothing is sent', async () => {
    const { action } = renderForm();
    await fillAndReview('7.5', 'Duplicate payment');
    await screen.findByText('Refund €7.50 to Visa •••• 4242?');
    await userEvent.click(screen.getByRole('button', { name: 'Change' }));
    expect(amountField().value).toBe('7.5');
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Reason' }).value).toBe('duplicate');
    expect(action).not.toHaveBeenCalled();
  });

  it.each([
    ['12.345', 'Enter an amount such as 12.50, with no more decimals than the currency has.'],
    ['-3', 'Enter an amount such as 12.50, with no more decimals than the currency has.'],
    ['1e3', 'Enter an amount such as 12.50, with no more decimals than the currency has.'],
    ['0', 'Enter an amount above zero.'],
    ['0.00', 'Enter an amount above zero.'],
    ['25.01', 'This is more than the payment allows.'],
    ['', 'Enter an amount.'],
  ])('an amount of "%s" is refused on its field: %s', async (typed, message) => {
    const { action } = renderForm();
    await userEvent.clear(amountField());
    if (typed) await userEvent.type(amountField(), typed);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Reason' }), 'Fraudulent');
    await userEvent.click(screen.getByRole('button', { name: 'Review refund' }));
    const error = await screen.findByText(message);
    expect(amountField().getAttribute('aria-invalid')).toBe('true');
    expect(amountField().getAttribute('aria-describedby')).toContain(error.id);
    expect(screen.queryByTestId('confirm-step')).toBeNull();
    expect(action).not.toHaveBeenCalled();
  });

  it('no reason chosen → "Choose a reason."', async () => {
    renderForm();
    await userEvent.click(screen.getByRole('button', { name: 'Review refund' }));
    expect(await screen.findByText('Choose a reason.')).toBeTruthy();
  });

  it('the whole amount left is accepted, and a zero-decimal currency takes whole units (¥500)', async () => {
    const { action } = renderForm({ currency: 'jpy', refundable: 500 });
    expect(amountField().value).toBe('500');
    await fillAndReview('500', 'Other');
    await screen.findByText('Refund ¥500 to Visa •••• 4242?');
    await userEvent.click(screen.getByRole('button', { name: 'Refund ¥500' }));
    await waitFor(() => {
      expect(action).toHaveBeenCalledWith({ amount: '500', reason: 'other' });
    });
  });

  it('in French, "12,5" is €12.50: "Rembourser 12,50 € sur Visa •••• 4242 ?"', async () => {
    const { action } = renderForm({}, 'fr');
    await fillAndReview('12,5', 'Demandé par le client', 'Vérifier le remboursement');
    expect(await screen.findByText('Rembourser 12,50 € sur Visa •••• 4242 ?')).toBeTruthy();
    // French puts a narrow no-break space before the euro sign.
    await userEvent.click(screen.getByRole('button', { name: /^Rembourser 12,50\s€$/ }));
    await waitFor(() => {
      expect(action).toHaveBeenCalledWith({ amount: '12,5', reason: 'requested_by_customer' });
    });
  });

  it('a refusal from the server goes back to the fields and shows its message there', async () => {
    const action = vi.fn<RefundAction>(() =>
      Promise.resolve({
        ok: false,
        error: 'invalid_input',
        message: 'Check the highlighted fields.',
        fieldErrors: { amount: 'This is more than is left to refund.' },
      }),
    );
    renderForm({ action });
    await fillAndReview('20');
    await userEvent.click(await screen.findByRole('button', { name: 'Refund €20.00' }));
    expect(await screen.findByText('This is more than is left to refund.')).toBeTruthy();
    expect(amountField().getAttribute('aria-invalid')).toBe('true');
  });

  it('a refusal of the whole refund shows as the form’s error', async () => {
    const action = vi.fn<RefundAction>(() =>
      Promise.resolve({ ok: false, error: 'charge_already_refunded', message: 'This payment has already been refunded in full.' }),
    );
    renderForm({ action });
    await fillAndReview('20');
    await userEvent.click(await screen.findByRole('button', { name: 'Refund €20.00' }));
    expect((await screen.findByTestId('form-error')).textContent).toBe('This payment has already been refunded in full.');
  });
});
