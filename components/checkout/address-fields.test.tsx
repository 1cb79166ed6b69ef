import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { countryOptions } from '@/lib/checkout/country-options';
import { makeConfirmConfig } from '@/lib/checkout/testing/checkout-view';
import { makePayFormProps, postedFields } from '@/components/testing/pay-form-props';
import { renderCheckout } from '@/components/testing/render';
import { PayForm } from './pay-form';

type User = ReturnType<typeof userEvent.setup>;

/** The address fields live in the pay form (react-hook-form, the shared zod schema): they are tested through it. */
function renderForm(config = makeConfirmConfig({ billingAddress: 'required' }), shipping = ['DE', 'FR', 'JP', 'US']) {
  const props = makePayFormProps({ config, countries: { ...makePayFormProps().countries, shipping: countryOptions(shipping, 'en') } });
  renderCheckout(<PayForm {...props} />);
  return props.action;
}

const billing = () => within(screen.getByRole('group', { name: 'Billing address' }));

async function fillCardAndEmail(user: User) {
  await user.type(screen.getByLabelText('Email'), 'jenny@example.com');
  await user.type(screen.getByLabelText('Card number'), '4242424242424242');
  await user.type(screen.getByPlaceholderText(/MM/), '1240');
  await user.type(screen.getByPlaceholderText('CVC'), '123');
  await user.type(screen.getByRole('textbox', { name: 'Cardholder name' }), 'Jenny Rosen');
}

async function fillBilling(user: User, a: { country: string; postal: string; state?: string }) {
  const b = billing();
  await user.type(b.getByRole('textbox', { name: 'Full name' }), 'Jenny Rosen');
  await user.selectOptions(b.getByRole('combobox', { name: 'Country or region' }), a.country);
  await user.type(b.getByRole('textbox', { name: 'Address line 1' }), '1 Main Street');
  await user.type(b.getByRole('textbox', { name: 'City' }), 'Springfield');
  if (a.state) await user.type(b.getByRole('textbox', { name: 'State / province' }), a.state);
  await user.type(b.getByRole('textbox', { name: 'Postal code' }), a.postal);
}

describe('AddressFields', () => {
  it('billing for a card payment asks only for country and postal code', () => {
    renderForm(makeConfirmConfig());
    const group = screen.getByRole('group', { name: 'Billing address' });
    const inputs = [...group.querySelectorAll('input, select')].map((el) => el.getAttribute('name'));
    expect(inputs).toEqual(['billing.country', 'billing.postal_code']);
  });

  it('a US address needs a state: without one the field says so and nothing is sent', async () => {
    const user = userEvent.setup();
    const action = renderForm();
    await fillCardAndEmail(user);
    await fillBilling(user, { country: 'US', postal: '94103' });
    await user.click(screen.getByTestId('pay-button'));
    const state = billing().getByRole('textbox', { name: 'State / province' });
    expect((await screen.findByText('Enter a state or province.')).id).toBe(state.getAttribute('aria-describedby'));
    expect(billing().queryByText('This postal code is not valid for the country.')).toBeNull();
    expect(action).not.toHaveBeenCalled();
  });

  it('a French address needs no state: the same address without one is sent', async () => {
    const user = userEvent.setup();
    const action = renderForm();
    await fillCardAndEmail(user);
    await fillBilling(user, { country: 'FR', postal: '75001' });
    await user.click(screen.getByTestId('pay-button'));
    await waitFor(() => {
      expect(action).toHaveBeenCalledTimes(1);
    });
    expect(postedFields(action.mock.calls[0][1])).toMatchObject({
      'billing.country': 'FR',
      'billing.state': '',
      'billing.postal_code': '75001',
    });
  });

  it("postal codes are checked against the country's format: 4 digits are not a French code", async () => {
    const user = userEvent.setup();
    const action = renderForm();
    await fillCardAndEmail(user);
    await fillBilling(user, { country: 'FR', postal: '7500' });
    await user.click(screen.getByTestId('pay-button'));
    const postal = billing().getByRole('textbox', { name: 'Postal code' });
    expect((await screen.findByText('This postal code is not valid for the country.')).id).toBe(postal.getAttribute('aria-describedby'));
    expect(action).not.toHaveBeenCalled();
  });

  it('the shipping address offers only the countries the session ships to', () => {
    renderForm(makeConfirmConfig({ shippingCountries: ['FR', 'US'] }), ['FR', 'US']);
    const select = within(screen.getByRole('group', { name: 'Shipping address' })).getByRole('combobox', { name: 'Country or region' });
    const options = within(select)
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(options).toEqual(['Choose a country', 'France', 'United States']);
  });
});
