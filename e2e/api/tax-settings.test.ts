import type Stripe from 'stripe';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { newMerchant, rawRequest, stripeError } from '../support/merchant';
import { sdkFields, shapeGaps } from './sdk-fields';

const noGaps = { missing: [], unknown: [] };
const FILE = 'Tax/Settings';
// Values the SDK's types forbid, sent on purpose.
const loose = (p: Record<string, unknown>) => p as unknown as Stripe.Tax.SettingsUpdateParams;

const pending = {
  object: 'tax.settings',
  defaults: { provider: 'stripe', tax_behavior: null, tax_code: null },
  head_office: null,
  livemode: false,
  status: 'pending',
  status_details: { pending: { missing_fields: ['head_office'] } },
};

const berlin = { line1: 'Unter den Linden 1', city: 'Berlin', postal_code: '10117', country: 'DE' };

describe('tax settings through the official SDK', () => {
  it('a new merchant retrieves its settings → the defaults, pending on the head office, every field of the SDK type', async () => {
    const { stripe } = await newMerchant();
    const settings = await stripe.tax.settings.retrieve();
    expectTypeOf(settings).toExtend<Stripe.Tax.Settings>();
    expect(settings).toEqual(pending);
    expect(shapeGaps(settings, sdkFields(FILE, ['Settings']))).toEqual(noGaps);
    expect(shapeGaps(settings.defaults, sdkFields(FILE, ['Settings', 'Defaults']))).toEqual(noGaps);
    expect(shapeGaps(settings.status_details, sdkFields(FILE, ['Settings', 'StatusDetails']))).toEqual(noGaps);
    expect(shapeGaps(settings.status_details.pending ?? {}, sdkFields(FILE, ['Settings', 'StatusDetails', 'Pending']))).toEqual(noGaps);
    // A read writes nothing and tells nobody; nor does an update that sets nothing.
    expect(await stripe.tax.settings.retrieve()).toEqual(pending);
    expect(await stripe.tax.settings.update()).toEqual(pending);
    expect((await stripe.events.list({ type: 'tax.settings.updated' })).data).toEqual([]);
  });

  it('merchant sets the defaults → they come back, still pending; one tax.settings.updated event with the previous values', async () => {
    const { stripe } = await newMerchant();
    const updated = await stripe.tax.settings.update({ defaults: { tax_behavior: 'inclusive', tax_code: 'txcd_10000000' } });
    expect(updated).toEqual({ ...pending, defaults: { provider: 'stripe', tax_behavior: 'inclusive', tax_code: 'txcd_10000000' } });
    expect(await stripe.tax.settings.retrieve()).toEqual(updated);

    const events = await stripe.events.list({ type: 'tax.settings.updated' });
    expect(events.data).toHaveLength(1);
    expect(events.data[0].data.object).toEqual(updated);
    expect(events.data[0].data.previous_attributes).toEqual({ defaults: pending.defaults });

    // One default at a time: the other stays.
    expect((await stripe.tax.settings.update({ defaults: { tax_behavior: 'inferred_by_currency' } })).defaults).toEqual({
      provider: 'stripe',
      tax_behavior: 'inferred_by_currency',
      tax_code: 'txcd_10000000',
    });
    // The same values again change nothing and record nothing.
    await stripe.tax.settings.update({ defaults: { tax_behavior: 'inferred_by_currency' } });
    expect((await stripe.events.list({ type: 'tax.settings.updated' })).data).toHaveLength(2);
  });

  it('merchant sets a head office with a country → active, the address with every key; pending → active in the event', async () => {
    const { stripe } = await newMerchant();
    const settings = await stripe.tax.settings.update({ head_office: { address: berlin } });
    expect(settings).toEqual({
      ...pending,
      head_office: {
        address: { city: 'Berlin', country: 'DE', line1: 'Unter den Linden 1', line2: null, postal_code: '10117', state: null },
      },
      status: 'active',
      status_details: { active: {} },
    });
    expect(shapeGaps(settings.head_office ?? {}, sdkFields(FILE, ['Settings', 'HeadOffice']))).toEqual(noGaps);
    expect(await stripe.tax.settings.retrieve()).toEqual(settings);
    const [event] = (await stripe.events.list({ type: 'tax.settings.updated' })).data;
    expect(event.data.previous_attributes).toEqual({
      head_office: null,
      status: 'pending',
      status_details: { pending: { missing_fields: ['head_office'] } },
    });

    // A new address replaces the whole address; the country is read in any case and shown in upper case.
    const moved = await stripe.tax.settings.update({ head_office: { address: { country: 'us', state: 'CA', postal_code: '94103' } } });
    expect(moved.head_office).toEqual({
      address: { city: null, country: 'US', line1: null, line2: null, postal_code: '94103', state: 'CA' },
    });
    expect(moved.status).toBe('active');
  });

  it('merchant sets a head office without a country → still pending on head_office', async () => {
    const { stripe } = await newMerchant();
    const settings = await stripe.tax.settings.update({ head_office: { address: { city: 'Paris', line1: '1 rue de Rivoli' } } });
    expect(settings).toMatchObject({
      head_office: { address: { city: 'Paris', country: null, line1: '1 rue de Rivoli', line2: null, postal_code: null, state: null } },
      status: 'pending',
      status_details: { pending: { missing_fields: ['head_office'] } },
    });
    expect(settings.status_details.active).toBeUndefined();
  });

  it('merchant sends bad settings → a 400 naming the parameter, and nothing changes', async () => {
    const { stripe } = await newMerchant();
    await stripe.tax.settings.update({ defaults: { tax_behavior: 'exclusive' } });
    const before = await stripe.tax.settings.retrieve();
    const cases: [Stripe.Tax.SettingsUpdateParams, string, string?][] = [
      [loose({ defaults: { tax_behavior: 'sometimes' } }), 'defaults[tax_behavior]'],
      [loose({ defaults: { tax_behavior: '' } }), 'defaults[tax_behavior]', 'parameter_invalid_empty'],
      [loose({ defaults: { tax_code: 'txcd_123' } }), 'defaults[tax_code]'],
      [loose({ defaults: { tax_code: 'txcd_1000000a' } }), 'defaults[tax_code]'],
      [loose({ defaults: { tax_code: 'ptc_10000000' } }), 'defaults[tax_code]'],
      [loose({ defaults: { provider: 'avalara' } }), 'defaults[provider]', 'parameter_unknown'],
      [loose({ head_office: { address: { country: 'XX' } } }), 'head_office[address][country]'],
      [loose({ head_office: { address: { country: 'DEU' } } }), 'head_office[address][country]'],
      [loose({ head_office: { address: { country: 'EU' } } }), 'head_office[address][country]'],
      [loose({ head_office: { address: { country: '' } } }), 'head_office[address][country]', 'parameter_invalid_empty'],
      [loose({ head_office: { address: 'Berlin' } }), 'head_office[address]'],
      [loose({ head_office: '' }), 'head_office', 'parameter_invalid_empty'],
      [loose({ head_office: { address: { country: 'DE', county: 'x' } } }), 'head_office[address][county]', 'parameter_unknown'],
      [loose({ status: 'active' }), 'status', 'parameter_unknown'],
    ];
    for (const [params, param, code] of cases) {
      const err = await stripeError(stripe.tax.settings.update(params));
      expect({ status: err.statusCode, type: err.type, param: err.param, code: err.code }, JSON.stringify(params)).toEqual({
        status: 400,
        type: 'StripeInvalidRequestError',
        param,
        code,
      });
    }
    expect(await stripe.tax.settings.retrieve()).toEqual(before);
    expect((await stripe.events.list({ type: 'tax.settings.updated' })).data).toHaveLength(1);
  });

  it('settings are per account: one merchant’s head office is not another’s', async () => {
    const a = await newMerchant();
    const b = await newMerchant();
    await a.stripe.tax.settings.update({ head_office: { address: berlin }, defaults: { tax_code: 'txcd_20030000' } });
    expect(await b.stripe.tax.settings.retrieve()).toEqual(pending);
    expect((await b.stripe.events.list({ type: 'tax.settings.updated' })).data).toEqual([]);
    expect((await a.stripe.tax.settings.retrieve()).status).toBe('active');
  });

  it('the routes answer Stripe’s 404 for a method they lack, and a form body works as the SDK’s', async () => {
    const { secretKey } = await newMerchant();
    const del = await rawRequest('/v1/tax/settings', { method: 'DELETE', key: secretKey });
    expect(del.status).toBe(404);
    const res = await rawRequest('/v1/tax/settings', {
      method: 'POST',
      key: secretKey,
      body: 'head_office[address][country]=FR&defaults[tax_behavior]=exclusive',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      status: 'active',
      defaults: { tax_behavior: 'exclusive' },
      head_office: { address: { country: 'FR' } },
    });
  });
});
