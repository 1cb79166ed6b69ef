import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { PayAction, PayState } from '@/lib/checkout/page-state';
import { makeCheckoutView, makeConfirmConfig } from '@/lib/checkout/testing/checkout-view';
import { makePayFormProps, payActionMock, postedFields } from '@/components/testing/pay-form-props';
import { renderCheckout } from '@/components/testing/render';
import { PayForm } from './pay-form';
import { PayLabel } from './pay-label';

type User = ReturnType<typeof userEvent.setup>;

/** What a customer types for a card payment from France; `number` varies per test. */
async function fillCard(user: User, number: string, labels = { email: 'Email', number: 'Card number' }) {
  await user.type(screen.getByLabelText(labels.email), 'jenny@example.com');
  await user.type(screen.getByLabelText(labels.number), number);
  await user.type(screen.getByPlaceholderText(/MM/), '1240');
  await user.type(screen.getByPlaceholderText('CVC'), '123');
  await user.type(screen.getByRole('textbox', { name: /Cardholder name|Nom du titulaire/ }), 'Jenny Rosen');
  await user.selectOptions(screen.getByRole('combobox'), 'FR');
  await user.type(screen.getByRole('textbox', { name: /Postal code|Code postal/ }), '75001');
}

describe('PayForm', () => {
  it('a valid card posts every field once, the card number as grouped while typing', async () => {
    const user = userEvent.setup();
    const props = makePayFormProps();
    renderCheckout(<PayForm {...props} />);
    await fillCard(user, '4242424242424242');
    await user.click(screen.getByRole('button', { name: 'Pay €25.00' }));
    await waitFor(() => {
      expect(props.action).toHaveBeenCalledTimes(1);
    });
    expect(postedFields(props.action.mock.calls[0][1])).toEqual({
      email: 'jenny@example.com',
      'card.number': '4242 4242 4242 4242',
      'card.expiry': '12 / 40',
      'card.cvc': '123',
      'card.name': 'Jenny Rosen',
      'billing.country': 'FR',
      'billing.postal_code': '75001',
    });
    expect(screen.getByTestId('card-brand').textContent).toContain('Visa');
  });

  it('an invalid card number shows its error on the field and a summary, and nothing is sent', async () => {
    const user = userEvent.setup();
    const props = makePayFormProps();
    renderCheckout(<PayForm {...props} />);
    await fillCard(user, '4242424242424241');
    await user.click(screen.getByRole('button', { name: 'Pay €25.00' }));
    const field = screen.getByLabelText('Card number');
    expect((await screen.findByText('Your card number is invalid.')).id).toBe(field.getAttribute('aria-describedby'));
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('payment-error').textContent).toBe('Please check the highlighted fields.');
    expect(props.action).not.toHaveBeenCalled();
  });

  it('in French, the same refusal reads in French', async () => {
    const user = userEvent.setup();
    const props = makePayFormProps({ payLabel: 'Payer 25,00 €' }, 'fr');
    renderCheckout(<PayForm {...props} />, { locale: 'fr' });
    await fillCard(user, '4242424242424241', { email: 'E-mail', number: 'Numéro de carte' });
    await user.click(screen.getByTestId('pay-button'));
    expect(await screen.findByText('Votre numéro de carte n’est pas valide.')).toBeTruthy();
    expect(screen.getByTestId('payment-error').textContent).toBe('Veuillez vérifier les champs signalés.');
    expect(props.action).not.toHaveBeenCalled();
  });

  it('while the action runs the button says "Processing…" and is disabled; a decline then shows, with the email kept', async () => {
    const user = userEvent.setup();
    let answer: (state: PayState) => void = () => undefined;
    const action = vi.fn<PayAction>(
      () =>
        new Promise<PayState>((resolve) => {
          answer = resolve;
        }),
    );
    renderCheckout(<PayForm {...makePayFormProps({ action })} />);
    await fillCard(user, '4000000000000002');
    await user.click(screen.getByRole('button', { name: 'Pay €25.00' }));
    const busy = await screen.findByRole<HTMLButtonElement>('button', { name: 'Processing…' });
    expect(busy.disabled).toBe(true);
    answer({ result: { state: 'declined', message: 'decline.generic' }, values: { email: 'jenny@example.com' } });
    expect((await screen.findByTestId('payment-error')).textContent).toBe('Your card was declined.');
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Pay €25.00' }).disabled).toBe(false);
    expect(screen.getByLabelText<HTMLInputElement>('Email').value).toBe('jenny@example.com');
  });

  it('an email the merchant fixed shows read-only and is not asked for', async () => {
    const user = userEvent.setup();
    const props = makePayFormProps({ lockedEmail: 'jenny@example.com', config: { ...makePayFormProps().config, emailLocked: true } });
    renderCheckout(<PayForm {...props} />);
    const email = screen.getByLabelText<HTMLInputElement>('Email');
    expect([email.value, email.readOnly]).toEqual(['jenny@example.com', true]);
    await user.type(screen.getByLabelText('Card number'), '4242424242424242');
    await user.type(screen.getByPlaceholderText(/MM/), '1240');
    await user.type(screen.getByPlaceholderText('CVC'), '123');
    await user.type(screen.getByRole('textbox', { name: 'Cardholder name' }), 'Jenny Rosen');
    await user.selectOptions(screen.getByRole('combobox'), 'FR');
    await user.type(screen.getByRole('textbox', { name: 'Postal code' }), '75001');
    await user.click(screen.getByTestId('pay-button'));
    await waitFor(() => {
      expect(props.action).toHaveBeenCalledTimes(1);
    });
  });

  it('the button carries the server-rendered label: a trial starts, it does not "pay €0.00"', () => {
    const view = makeCheckoutView({
      mode: 'subscription',
      trialDays: 14,
      totals: { subtotal: 0, discount: 0, shipping: 0, tax: 0, total: 0 },
    });
    renderCheckout(<PayForm {...makePayFormProps({ payLabel: <PayLabel view={view} locale="en" />, action: payActionMock() })} />);
    expect(screen.getByTestId('pay-button').textContent).toBe('Start trial');
  });

  it('a card-less trial (no payment method to collect) asks only for the email, and posts just that', async () => {
    const user = userEvent.setup();
    const props = makePayFormProps({ config: makeConfirmConfig({ methods: [] }), payLabel: 'Start trial' });
    renderCheckout(<PayForm {...props} />);
    expect(screen.queryByLabelText('Card number')).toBeNull();
    expect(screen.queryByRole('combobox')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Start trial' }));
    expect(await screen.findByText('Please check the highlighted fields.')).toBeTruthy();
    await user.type(screen.getByLabelText('Email'), 'jenny@example.com');
    await user.click(screen.getByRole('button', { name: 'Start trial' }));
    await waitFor(() => {
      expect(props.action).toHaveBeenCalledTimes(1);
    });
    expect(postedFields(props.action.mock.calls[0][1])).toEqual({ email: 'jenny@example.com' });
  });

  describe('with saved cards', () => {
    const cards = [
      { id: 'pm_visa', brand: 'visa', last4: '4242', expMonth: 3, expYear: 2031 },
      { id: 'pm_mc', brand: 'mastercard', last4: '4444', expMonth: 11, expYear: 2029 },
    ];

    it('the first saved card is chosen: one click posts it alone, with nothing typed', async () => {
      const user = userEvent.setup();
      const props = makePayFormProps({
        config: makeConfirmConfig({ savedCards: cards.map((c) => c.id), emailLocked: true }),
        lockedEmail: 'jenny@example.com',
        savedCards: cards,
      });
      renderCheckout(<PayForm {...props} />);
      expect(screen.getByRole('radio', { name: /Visa ending in 4242/ })).toHaveProperty('checked', true);
      expect(screen.getByText('Expires 03/31')).toBeTruthy();
      await user.click(screen.getByRole('button', { name: 'Pay €25.00' }));
      await waitFor(() => {
        expect(props.action).toHaveBeenCalledTimes(1);
      });
      const posted = postedFields(props.action.mock.calls[0][1]);
      expect(posted.saved_card).toBe('pm_visa');
      expect(Object.keys(posted).filter((k) => k.startsWith('card.'))).toEqual(['card.number', 'card.expiry', 'card.cvc', 'card.name']);
      expect(posted['card.number']).toBe('');
    });

    it('"a new payment method" asks for the card again, checked by the same schema', async () => {
      const user = userEvent.setup();
      const props = makePayFormProps({
        config: makeConfirmConfig({ savedCards: cards.map((c) => c.id), saveOffer: true }),
        savedCards: cards,
      });
      renderCheckout(<PayForm {...props} />);
      await user.click(screen.getByRole('radio', { name: 'Use a new payment method' }));
      await user.click(screen.getByRole('button', { name: 'Pay €25.00' }));
      expect(await screen.findByText('Enter a valid email address.')).toBeTruthy();
      expect(props.action).not.toHaveBeenCalled();
      await fillCard(user, '5555555555554444');
      await user.click(screen.getByRole('checkbox', { name: 'Save my payment details for future purchases' }));
      await user.click(screen.getByRole('button', { name: 'Pay €25.00' }));
      await waitFor(() => {
        expect(props.action).toHaveBeenCalledTimes(1);
      });
      expect(postedFields(props.action.mock.calls[0][1])).toMatchObject({
        saved_card: '',
        save_card: 'true',
        'card.number': '5555 5555 5555 4444',
      });
    });

    it('removal buttons belong to their own form, never the pay form, and only when the session allows it', () => {
      const props = makePayFormProps({
        config: makeConfirmConfig({ savedCards: cards.map((c) => c.id) }),
        savedCards: cards,
        removeAction: vi.fn(() => Promise.resolve()),
      });
      const { container } = renderCheckout(<PayForm {...props} />);
      const remove = screen.getByRole('button', { name: 'Remove Mastercard ending in 4444' });
      expect(remove.getAttribute('form')).toBe('saved-card-remove');
      expect(remove.getAttribute('value')).toBe('pm_mc');
      expect(container.querySelector('form#saved-card-remove')).not.toBeNull();
    });

    it('in French', () => {
      const props = makePayFormProps({ config: makeConfirmConfig({ savedCards: ['pm_visa'] }), savedCards: cards.slice(0, 1) }, 'fr');
      renderCheckout(<PayForm {...props} />, { locale: 'fr' });
      expect(screen.getByRole('radio', { name: /Visa se terminant par 4242/ })).toBeTruthy();
      expect(screen.getByText('Cartes enregistrées')).toBeTruthy();
    });
  });
});
