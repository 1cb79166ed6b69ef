import { describe, expect, it } from 'vitest';
import { plainConfirmConfig } from '@/lib/checkout/plain-page-view';
import { makeConfirmSchema, type ConfirmConfig } from './checkout-page';
import { serverAddressRules } from '@/lib/addresses/address-rules';

// A plain card payment's form: email, card, billing country and postal code.
const base: ConfirmConfig = plainConfirmConfig();
const now = () => new Date('2026-11-29T12:00:00Z');
const card = { number: '4242 4242 4242 4242', expiry: '12 / 30', cvc: '123', name: 'Ada Lovelace' };

function errorsOf(config: ConfirmConfig, input: Record<string, unknown>) {
  const r = makeConfirmSchema(config, now, undefined, serverAddressRules).safeParse(input);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
}

describe('the pay form schema', () => {
  it('accepts the smallest form: email, card, billing country and postal code', () => {
    expect(errorsOf(base, { email: 'ada@example.com', card, billing: { country: 'FR', postal_code: '75001' } })).toEqual({});
  });

  it('names each problem by field with a translation key', () => {
    expect(errorsOf(base, { email: 'nope', card: { ...card, cvc: '1' }, billing: { country: 'US', postal_code: '1234' } })).toEqual({
      email: 'email.invalid',
      'billing.postal_code': 'address.postal_code.invalid_example?country=US&example=95014',
      'card.cvc': 'card.cvc.incomplete',
    });
  });

  it('requires a full shipping address in an allowed country, with a state where the country has them', () => {
    const config = { ...base, shippingCountries: ['US', 'CA'] };
    const shipping = { name: 'Ada', line1: '1 Main St', city: 'Springfield', postal_code: '12345', country: 'US' };
    expect(errorsOf(config, { email: 'a@b.co', card, billing: { country: 'US', postal_code: '12345' }, shipping })).toEqual({
      'shipping.state': 'address.state.required',
    });
    expect(
      errorsOf(config, {
        email: 'a@b.co',
        card,
        billing: { country: 'US', postal_code: '12345' },
        shipping: { ...shipping, state: 'IL', country: 'FR', postal_code: '75001' },
      }),
    ).toEqual({
      'shipping.country': 'address.country.not_allowed',
    });
  });

  it('checks custom fields and the terms checkbox', () => {
    const config: ConfirmConfig = {
      ...base,
      terms: true,
      customFields: [
        { key: 'po', type: 'numeric', optional: false, minLength: 3, maxLength: 6, options: null },
        { key: 'size', type: 'dropdown', optional: true, minLength: null, maxLength: null, options: ['s', 'm'] },
      ],
    };
    const form = { email: 'a@b.co', card, billing: { country: 'FR', postal_code: '75001' } };
    expect(errorsOf(config, { ...form, custom_fields: { po: '12a', size: 'xl' } })).toEqual({
      'custom_fields.po': 'custom_field.numeric',
      'custom_fields.size': 'custom_field.option',
      terms: 'consent.terms.required',
    });
    expect(errorsOf(config, { ...form, custom_fields: { po: '1234' }, terms: 'true' })).toEqual({});
  });
});

describe('the pay form schema with nothing filled in', () => {
  it('answers with the form messages, not a crash', () => {
    expect(errorsOf(base, {})).toMatchObject({
      email: 'email.invalid',
      'card.number': 'card.number.incomplete',
      'card.name': 'card.name.required',
      'billing.country': 'address.country.required',
    });
  });
});

describe('the pay form schema when the session takes SEPA Direct Debit too', () => {
  const both: ConfirmConfig = { ...base, methods: ['card', 'sepa_debit'] };
  const billing = { country: 'DE', postal_code: '10115' };
  const sepa = { iban: 'de89 3704 0044 0532 0130 00', name: 'Jenny Rosen' };

  it('with method sepa_debit, checks the IBAN and holder name and ignores the empty card fields', () => {
    const r = makeConfirmSchema(both, now).safeParse({ method: 'sepa_debit', email: 'a@b.co', sepa, card: { number: '' }, billing });
    expect(r.success && r.data.method === 'sepa_debit' && r.data.sepa).toEqual({ iban: 'DE89370400440532013000', name: 'Jenny Rosen' });
  });

  it('with method card, ignores the empty SEPA fields; without a method, the first offered one applies', () => {
    expect(errorsOf(both, { method: 'card', email: 'a@b.co', card, sepa: { iban: '', name: '' }, billing })).toEqual({});
    expect(errorsOf(both, { email: 'a@b.co', card, billing })).toEqual({});
    expect(errorsOf({ ...base, methods: ['sepa_debit'] }, { email: 'a@b.co', sepa, billing })).toEqual({});
  });

  it('names each SEPA problem with a translation key: short, wrong checksum, wrong length, non-SEPA country, no name', () => {
    const sepaErrors = (iban: string, name = 'Jenny') =>
      errorsOf(both, { method: 'sepa_debit', email: 'a@b.co', sepa: { iban, name }, billing });
    expect(sepaErrors('DE8937040044')).toEqual({ 'sepa.iban': 'sepa.iban.incomplete' });
    expect(sepaErrors('DE89370400440532013001')).toEqual({ 'sepa.iban': 'sepa.iban.invalid' });
    expect(sepaErrors('DE893704004405320130000')).toEqual({ 'sepa.iban': 'sepa.iban.invalid' });
    expect(sepaErrors('US12345678901234567890')).toEqual({ 'sepa.iban': 'sepa.iban.unsupported_country' });
    expect(sepaErrors('DE89370400440532013000', ' ')).toEqual({ 'sepa.name': 'sepa.name.required' });
  });

  it('refuses a method the session does not offer', () => {
    expect(errorsOf(base, { method: 'sepa_debit', email: 'a@b.co', sepa, billing })).toEqual({ method: 'method.invalid' });
  });
});

describe('the pay form schema: purchasing as a business (tax_id_collection)', () => {
  const optional: ConfirmConfig = { ...base, taxId: { required: false } };
  const required: ConfirmConfig = { ...base, taxId: { required: true } };
  const form = (billingCountry: string, taxId: Record<string, string>) => ({
    email: 'ada@example.com',
    card,
    billing: { country: billingCountry, postal_code: billingCountry === 'DE' ? '10115' : '050000' },
    tax_id: taxId,
  });
  const checkDigits = (country: string, typed: string) => country === 'DE' && typed.replace(/\s/g, '') === 'DE136695976';
  const errorsWithCheck = (config: ConfirmConfig, input: Record<string, unknown>) => {
    const r = makeConfirmSchema(config, now, checkDigits, serverAddressRules).safeParse(input);
    return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
  };

  it('the box unticked asks nothing; ticked, the business name and the tax ID', () => {
    expect(errorsOf(optional, form('DE', {}))).toEqual({});
    expect(errorsOf(optional, form('DE', { business: 'true' }))).toEqual({
      'tax_id.business_name': 'business_name.required',
      'tax_id.value': 'tax_id.required',
    });
  });

  it('the server’s check of the digits refuses a wrong number; the browser (no check given) leaves it to the server', () => {
    const wrong = form('DE', { business: 'true', business_name: 'Muster GmbH', value: 'DE136695978' });
    expect(errorsWithCheck(optional, wrong)).toEqual({ 'tax_id.value': 'tax_id.invalid' });
    expect(errorsOf(optional, wrong)).toEqual({});
    expect(errorsWithCheck(optional, form('DE', { business: 'true', business_name: 'Muster GmbH', value: 'DE 136695976' }))).toEqual({});
  });

  it('if_supported asks for them without the box where the country has a business tax ID, and not elsewhere', () => {
    expect(errorsOf(required, form('DE', {}))).toEqual({
      'tax_id.business_name': 'business_name.required',
      'tax_id.value': 'tax_id.required',
    });
    expect(errorsOf(required, form('KZ', {}))).toEqual({});
  });

  it('a business purchase from a country without a business tax ID is refused by name', () => {
    expect(errorsOf(optional, form('KZ', { business: 'true', business_name: 'Steppe LLP', value: '123' }))).toEqual({
      'tax_id.value': 'tax_id.unsupported_type',
    });
  });
});

describe('the pay form schema: addresses as their country writes them (server rules)', () => {
  const full: ConfirmConfig = { ...base, billingAddress: 'required' };
  const us = { name: 'Jenny Rosen', line1: '510 Townsend St', city: 'San Francisco', postal_code: '94103', country: 'US' };
  const parse = (billing: Record<string, string>) =>
    makeConfirmSchema(full, now, undefined, serverAddressRules).safeParse({ email: 'a@b.co', card, billing });

  it('a state typed by its name (a form without JavaScript) is kept as its code; one the country does not have is refused', () => {
    const named = parse({ ...us, state: 'california' });
    expect(named.success && named.data.billing?.state).toBe('CA');
    expect(errorsOf(full, { email: 'a@b.co', card, billing: { ...us, state: 'Narnia' } })).toEqual({
      'billing.state': 'address.state.invalid',
    });
  });

  it('fields a country does not write are dropped: no state in France, no postal code in Hong Kong', () => {
    const fr = parse({ name: 'Jean', line1: '1 rue de Rivoli', city: 'Paris', postal_code: '75001', country: 'FR', state: 'IDF' });
    expect(fr.success && fr.data.billing?.state).toBeNull();
    const hk = parse({
      name: 'Chan',
      line1: '1 Queen’s Road',
      city: 'Central',
      state: 'Hong Kong Island',
      postal_code: '000',
      country: 'HK',
    });
    expect(hk.success && hk.data.billing).toMatchObject({ postal_code: null, state: 'Hong Kong Island' });
  });
});

describe('the pay form schema: billing address same as shipping', () => {
  const shipped: ConfirmConfig = { ...base, shippingCountries: ['US', 'FR'] };
  const shipping = {
    name: 'Jenny Rosen',
    line1: '510 Townsend St',
    city: 'San Francisco',
    state: 'CA',
    postal_code: '94103',
    country: 'US',
  };
  const parse = (input: Record<string, unknown>) => makeConfirmSchema(shipped, now, undefined, serverAddressRules).safeParse(input);

  it('ticked, the billing address is the shipping one, whatever the hidden billing fields hold', () => {
    const r = parse({ email: 'a@b.co', card, shipping, billing: { country: 'FR', postal_code: '1' }, billing_same: 'true' });
    expect(r.success && r.data.billing).toMatchObject({ country: 'US', postal_code: '94103', line1: '510 Townsend St' });
  });

  it('unticked, the billing address is checked on its own', () => {
    expect(errorsOf(shipped, { email: 'a@b.co', card, shipping, billing: { country: 'FR', postal_code: '1' } })).toEqual({
      'billing.postal_code': 'address.postal_code.invalid_example?country=FR&example=33380',
    });
  });
});
