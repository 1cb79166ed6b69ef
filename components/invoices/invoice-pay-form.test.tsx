import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderCheckout } from '@/components/testing/render';
import { postedFields } from '@/components/testing/pay-form-props';
import type { InvoicePayAction, InvoicePayState } from '@/lib/billing/invoices/invoice-page-state';
import { InvoicePayForm } from './invoice-pay-form';

type User = ReturnType<typeof userEvent.setup>;

const answering = (result: InvoicePayState['result']) => vi.fn<InvoicePayAction>(() => Promise.resolve({ result, name: 'Claire Dubois' }));

async function fillCard(user: User, number: string, labels = { number: 'Card number', name: /Cardholder name/ }) {
  await user.type(screen.getByLabelText(labels.number), number);
  await user.type(screen.getByPlaceholderText(/MM/), '1240');
  await user.type(screen.getByPlaceholderText('CVC'), '123');
  await user.type(screen.getByRole('textbox', { name: labels.name }), 'Claire Dubois');
}

describe('InvoicePayForm', () => {
  it('a valid card posts the four card fields, once', async () => {
    const user = userEvent.setup();
    const action = answering(null);
    renderCheckout(<InvoicePayForm payLabel="Pay €18.00" note={null} notice={null} action={action} />);
    await fillCard(user, '4242424242424242');
    await user.click(screen.getByRole('button', { name: 'Pay €18.00' }));
    await waitFor(() => {
      expect(action).toHaveBeenCalledTimes(1);
    });
    expect(postedFields(action.mock.calls[0][1])).toEqual({
      'card.number': '4242 4242 4242 4242',
      'card.expiry': '12 / 40',
      'card.cvc': '123',
      'card.name': 'Claire Dubois',
    });
  });

  it('an incomplete card number → its error, nothing posted', async () => {
    const user = userEvent.setup();
    const action = answering(null);
    renderCheckout(<InvoicePayForm payLabel="Pay €18.00" note={null} notice={null} action={action} />);
    await fillCard(user, '4242');
    await user.click(screen.getByRole('button', { name: 'Pay €18.00' }));
    expect(await screen.findByText('Your card number is incomplete.')).toBeTruthy();
    expect(action).not.toHaveBeenCalled();
  });

  it('in French, a declined card → "Votre carte a été refusée." above the form', async () => {
    const user = userEvent.setup();
    const action = answering({ state: 'declined', message: 'decline.generic' });
    renderCheckout(<InvoicePayForm payLabel="Payer 18,00 €" note={null} notice={null} action={action} />, { locale: 'fr' });
    await fillCard(user, '4000000000000002', { number: 'Numéro de carte', name: /Nom du titulaire/ });
    await user.click(screen.getByRole('button', { name: 'Payer 18,00 €' }));
    expect((await screen.findByTestId('payment-error')).textContent).toBe('Votre carte a été refusée.');
  });

  it('too many attempts on the invoice → the invoice’s own words', async () => {
    const user = userEvent.setup();
    const action = answering({ state: 'refused', reason: 'too_many_attempts' });
    renderCheckout(<InvoicePayForm payLabel="Pay €18.00" note={null} notice={null} action={action} />);
    await fillCard(user, '4242424242424242');
    await user.click(screen.getByRole('button', { name: 'Pay €18.00' }));
    expect((await screen.findByTestId('payment-error')).textContent).toBe(
      'This invoice does not accept more card attempts for now. Try again later.',
    );
  });
});
