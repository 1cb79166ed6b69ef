import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { countryOptions } from '@/lib/checkout/country-options';
import { makeConfirmConfig } from '@/lib/checkout/testing/checkout-view';
import { makePayFormProps, postedFields } from '@/components/testing/pay-form-props';
import { renderCheckout } from '@/components/testing/render';
import { PayForm } from './pay-form';
import { compactAddressRules } from '@/lib/addresses/address-rules';
import { NO_ADDRESS_DATA } from '@/lib/addresses/address-form-data';
import { COUNTRY_CODES } from '@/lib/validation/countries';

type User = ReturnType<typeof userEvent.setup>;

/** The address fields live in the pay form (react-hook-form, the shared zod schema): they are tested through it. */
function renderForm(config = makeConfirmConfig({ billingAddress: 'required' }), shipping = ['DE', 'FR', 'JP', 'US']) {
  const props = makePayFormProps({
    config,
    countries: { billing: countryOptions(['DE', 'FR', 'GB', 'HK', 'JP', 'SG', 'US'], 'en'), shipping: countryOptions(shipping, 'en') },
    // Every country's form, as the page gives it (no subdivisions fetched here: the state is typed).
    address: { ...NO_ADDRESS_DATA, rules: compactAddressRules([...COUNTRY_CODES]) },
  });
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

async function fillBilling(user: User, a: { country: string; postal: string; postalLabel: string; state?: string }) {
  const b = billing();
  await user.type(b.getByRole('textbox', { name: 'Full name' }), 'Jenny Rosen');
  await user.selectOptions(b.getByRole('combobox', { name: 'Country or region' }), a.country);
  await user.type(b.getByRole('textbox', { name: 'Address line 1' }), '1 Main Street');
  await user.type(b.getByRole('textbox', { name: 'City' }), 'Springfield');
  if (a.state) await user.type(b.getByRole('textbox', { name: 'State' }), a.state);
  await user.type(b.getByRole('textbox', { name: a.postalLabel }), a.postal);
}

describe('AddressFields', () => {
  it('billing for a card payment asks only for country and postal code', () => {
    renderForm(makeConfirmConfig());
    const group = screen.getByRole('group', { name: 'Billing address' });
    const inputs = [...group.querySelectorAll('input, select')].map((el) => el.getAttribute('name'));
    expect(inputs).toEqual(['billing.country', 'billing.postal_code']);
  });

  it('a US address needs a state and a ZIP code: without a state the field says so and nothing is sent', async () => {
    const user = userEvent.setup();
    const action = renderForm();
    await fillCardAndEmail(user);
    await fillBilling(user, { country: 'US', postal: '94103', postalLabel: 'ZIP code' });
    await user.click(screen.getByTestId('pay-button'));
    const state = billing().getByRole('textbox', { name: 'State' });
    expect((await screen.findByText('Enter a state or province.')).id).toBe(state.getAttribute('aria-describedby'));
    expect(action).not.toHaveBeenCalled();
  });

  it('a French address has no state field at all: the address is sent without one', async () => {
    const user = userEvent.setup();
    const action = renderForm();
    await fillCardAndEmail(user);
    await fillBilling(user, { country: 'FR', postal: '75001', postalLabel: 'Postal code' });
    expect(billing().queryByRole('textbox', { name: 'State' })).toBeNull();
    await user.click(screen.getByTestId('pay-button'));
    await waitFor(() => {
      expect(action).toHaveBeenCalledTimes(1);
    });
    const posted = postedFields(action.mock.calls[0][1]);
    expect(posted).toMatchObject({ 'billing.country': 'FR', 'billing.postal_code': '75001' });
    expect(posted).not.toHaveProperty('billing.state');
  });

  it('the fields follow the country chosen: a UK Postcode and Town or city, no city in Singapore, no postal code in Hong Kong', async () => {
    const user = userEvent.setup();
    renderForm();
    const country = billing().getByRole('combobox', { name: 'Country or region' });
    const names = () => [...screen.getByRole('group', { name: 'Billing address' }).querySelectorAll('label')].map((l) => l.textContent);
    await user.selectOptions(country, 'GB');
    expect(names()).toEqual(['Full name', 'Country or region', 'Address line 1', 'Address line 2 (optional)', 'Town or city', 'Postcode']);
    await user.selectOptions(country, 'SG');
    expect(names()).not.toContain('City');
    expect(names()).toContain('Postal code');
    await user.selectOptions(country, 'HK');
    expect(names()).toEqual(['Full name', 'Country or region', 'Address line 1', 'Address line 2 (optional)', 'District', 'Area']);
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
