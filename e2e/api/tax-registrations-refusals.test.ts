import { describe, expect, it } from 'vitest';
import { newMerchant, stripeError } from '../support/merchant';
import { loose, looseUpdate, nowSeconds, HOUR, expectRefused } from './tax-registration-helpers';

describe('tax registrations: what Caisse refuses', () => {
  it('merchant sends a country or type Caisse does not take → a 400 naming the parameter, nothing created', async () => {
    const { stripe } = await newMerchant();
    const now = 'now' as const;
    // The United Arab Emirates: a country Stripe takes registrations in, Caisse's tax engine does not.
    expect(
      (await expectRefused(stripe, { country: 'AE', country_options: { ae: { type: 'standard' } }, active_from: now }, 'country')).message,
    ).toMatch(/does not support tax registrations in AE/);
    await expectRefused(stripe, loose({ country: 'BR', country_options: { br: { type: 'standard' } }, active_from: now }), 'country');
    await expectRefused(stripe, loose({ country: 'XX', country_options: { xx: { type: 'standard' } }, active_from: now }), 'country');
    await expectRefused(stripe, loose({ country: 'DEU', country_options: { de: { type: 'standard' } }, active_from: now }), 'country');
    // The types each country has.
    await expectRefused(
      stripe,
      loose({ country: 'DE', country_options: { de: { type: 'simplified' } }, active_from: now }),
      'country_options[de][type]',
    );
    await expectRefused(
      stripe,
      loose({ country: 'GB', country_options: { gb: { type: 'oss_union' } }, active_from: now }),
      'country_options[gb][type]',
    );
    await expectRefused(
      stripe,
      loose({ country: 'IN', country_options: { in: { type: 'standard' } }, active_from: now }),
      'country_options[in][type]',
    );
    await expectRefused(
      stripe,
      loose({ country: 'CA', country_options: { ca: { type: 'ioss' } }, active_from: now }),
      'country_options[ca][type]',
    );
    await expectRefused(
      stripe,
      loose({ country: 'DE', country_options: { de: { standard: { place_of_supply_scheme: 'standard' } } }, active_from: now }),
      'country_options[de][type]',
      'parameter_missing',
    );
    await expectRefused(
      stripe,
      loose({
        country: 'DE',
        country_options: { de: { type: 'oss_union', standard: { place_of_supply_scheme: 'standard' } } },
        active_from: now,
      }),
      'country_options[de][standard]',
    );
    await expectRefused(
      stripe,
      loose({
        country: 'DE',
        country_options: { de: { type: 'standard', standard: { place_of_supply_scheme: 'nowhere' } } },
        active_from: now,
      }),
      'country_options[de][standard][place_of_supply_scheme]',
    );
    await expectRefused(
      stripe,
      loose({
        country: 'GB',
        country_options: { gb: { type: 'standard', standard: { place_of_supply_scheme: 'small_seller' } } },
        active_from: now,
      }),
      'country_options[gb][standard][place_of_supply_scheme]',
    );
    // US: state sales tax only, always with a state.
    await expectRefused(
      stripe,
      loose({ country: 'US', country_options: { us: { type: 'state_sales_tax' } }, active_from: now }),
      'country_options[us][state]',
      'parameter_missing',
    );
    await expectRefused(
      stripe,
      loose({ country: 'US', country_options: { us: { type: 'state_sales_tax', state: 'ZZ' } }, active_from: now }),
      'country_options[us][state]',
    );
    await expectRefused(
      stripe,
      loose({ country: 'US', country_options: { us: { type: 'state_sales_tax', state: 'California' } }, active_from: now }),
      'country_options[us][state]',
    );
    const localTax = await expectRefused(
      stripe,
      {
        country: 'US',
        country_options: { us: { type: 'local_amusement_tax', state: 'IL', local_amusement_tax: { jurisdiction: '14000' } } },
        active_from: now,
      },
      'country_options[us][type]',
    );
    expect(localTax.message).toMatch(/local_amusement_tax are not supported/);
    await expectRefused(
      stripe,
      loose({
        country: 'US',
        country_options: { us: { type: 'state_sales_tax', state: 'IL', resort_tax: { jurisdiction: '1' } } },
        active_from: now,
      }),
      'country_options[us][resort_tax]',
      'parameter_unknown',
    );
    await expectRefused(
      stripe,
      loose({
        country: 'US',
        country_options: { us: { type: 'state_sales_tax', state: 'IL', state_sales_tax: { elections: [{ type: 'none' }] } } },
        active_from: now,
      }),
      'country_options[us][state_sales_tax][elections][0][type]',
    );
    // Canada: a province registration names a province with a tax of its own.
    await expectRefused(
      stripe,
      loose({ country: 'CA', country_options: { ca: { type: 'province_standard' } }, active_from: now }),
      'country_options[ca][province_standard]',
      'parameter_missing',
    );
    await expectRefused(
      stripe,
      loose({
        country: 'CA',
        country_options: { ca: { type: 'province_standard', province_standard: { province: 'ON' } } },
        active_from: now,
      }),
      'country_options[ca][province_standard][province]',
    );
    await expectRefused(
      stripe,
      loose({ country: 'CA', country_options: { ca: { type: 'standard', province_standard: { province: 'QC' } } }, active_from: now }),
      'country_options[ca][province_standard]',
    );
    // country_options holds the country's own key, and only that.
    await expectRefused(
      stripe,
      loose({ country: 'DE', country_options: { fr: { type: 'standard' } }, active_from: now }),
      'country_options[fr]',
    );
    await expectRefused(
      stripe,
      loose({ country: 'DE', country_options: { de: { type: 'standard' }, at: { type: 'standard' } }, active_from: now }),
      'country_options[at]',
    );
    // The SDK sends nothing for an empty hash.
    await expectRefused(stripe, loose({ country: 'DE', country_options: {}, active_from: now }), 'country_options', 'parameter_missing');
    await expectRefused(stripe, loose({ country: 'DE', country_options: 'de', active_from: now }), 'country_options');
    await expectRefused(stripe, loose({ country: 'DE', active_from: now }), 'country_options', 'parameter_missing');
    await expectRefused(stripe, loose({ country_options: { de: { type: 'standard' } }, active_from: now }), 'country', 'parameter_missing');
    expect((await stripe.tax.registrations.list()).data).toEqual([]);
  });

  it('merchant sends a period that ends before it starts, or dates that are not dates → a 400 naming the parameter', async () => {
    const { stripe } = await newMerchant();
    const de = { country: 'DE', country_options: { de: { type: 'standard' as const } } };
    const start = nowSeconds() + HOUR;
    await expectRefused(stripe, { ...de, active_from: start, expires_at: start - 60 }, 'expires_at');
    await expectRefused(stripe, { ...de, active_from: start, expires_at: start }, 'expires_at');
    await expectRefused(stripe, loose({ ...de, active_from: 'now', expires_at: 'now' }), 'expires_at');
    await expectRefused(stripe, loose({ ...de, active_from: 'tomorrow' }), 'active_from');
    await expectRefused(stripe, loose({ ...de, active_from: -5 }), 'active_from');
    await expectRefused(stripe, loose({ ...de }), 'active_from', 'parameter_missing');
    await expectRefused(stripe, loose({ ...de, active_from: 'now', expires_at: 'never' }), 'expires_at');

    const reg = await stripe.tax.registrations.create({ ...de, active_from: start, expires_at: start + HOUR });
    expect(reg).toMatchObject({ active_from: start, expires_at: start + HOUR, status: 'scheduled' });
    const err = await stripeError(stripe.tax.registrations.update(reg.id, { expires_at: start - 1 }));
    expect({ status: err.statusCode, param: err.param }).toEqual({ status: 400, param: 'expires_at' });
    const late = await stripeError(stripe.tax.registrations.update(reg.id, { active_from: start + 2 * HOUR }));
    expect({ status: late.statusCode, param: late.param }).toEqual({ status: 400, param: 'expires_at' });
    expect(await stripeError(stripe.tax.registrations.update(reg.id, looseUpdate({ country: 'FR' })))).toMatchObject({
      statusCode: 400,
      code: 'parameter_unknown',
      param: 'country',
    });
    expect(await stripe.tax.registrations.retrieve(reg.id)).toEqual(reg);
  });
});
