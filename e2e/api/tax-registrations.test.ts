import { describe, expect, expectTypeOf, it } from 'vitest';
import { newMerchant, stripeError } from '../support/merchant';
import { sdkFields, shapeGaps } from './sdk-fields';
import {
  nowSeconds,
  HOUR,
  ids,
  expectSdkShape,
  expectRefused,
  noGaps,
  FILE,
  type Create,
  type Registration,
} from './tax-registration-helpers';

describe('tax registrations through the official SDK', () => {
  it('merchant registers for the EU one-stop shop in Germany → every field of the SDK type, active now, the same on retrieve', async () => {
    const { stripe } = await newMerchant();
    const before = nowSeconds();
    const reg = await stripe.tax.registrations.create({
      country: 'DE',
      country_options: { de: { type: 'oss_union' } },
      active_from: 'now',
    });
    expectTypeOf(reg).toExtend<Registration>();
    expect(reg.id).toMatch(/^taxreg_[A-Za-z0-9]{24}$/);
    expect(reg).toEqual({
      id: reg.id,
      object: 'tax.registration',
      active_from: expect.any(Number) as unknown,
      country: 'DE',
      country_options: { de: { type: 'oss_union' } },
      created: expect.any(Number) as unknown,
      expires_at: null,
      livemode: false,
      status: 'active',
    });
    expect(reg.active_from).toBeGreaterThanOrEqual(before);
    expect(reg.active_from).toBeLessThanOrEqual(nowSeconds());
    expect(Math.abs(reg.created - reg.active_from)).toBeLessThan(5);
    expectSdkShape(reg);
    expect(await stripe.tax.registrations.retrieve(reg.id)).toEqual(reg);
  });

  it('merchant registers in each supported country with each type → country_options as Stripe shows them', async () => {
    const { stripe } = await newMerchant();
    const cases: [Create['country_options'], Record<string, unknown>][] = [
      [{ fr: { type: 'standard' } }, { fr: { standard: { place_of_supply_scheme: 'standard' }, type: 'standard' } }],
      [
        { it: { type: 'standard', standard: { place_of_supply_scheme: 'small_seller' } } },
        { it: { standard: { place_of_supply_scheme: 'small_seller' }, type: 'standard' } },
      ],
      [{ nl: { type: 'oss_non_union' } }, { nl: { type: 'oss_non_union' } }],
      [{ ie: { type: 'ioss' } }, { ie: { type: 'ioss' } }],
      [{ gr: { type: 'oss_union' } }, { gr: { type: 'oss_union' } }],
      [{ gb: { type: 'standard' } }, { gb: { standard: { place_of_supply_scheme: 'standard' }, type: 'standard' } }],
      [
        { ch: { type: 'standard', standard: { place_of_supply_scheme: 'inbound_goods' } } },
        { ch: { standard: { place_of_supply_scheme: 'inbound_goods' }, type: 'standard' } },
      ],
      [{ no: { type: 'standard' } }, { no: { standard: { place_of_supply_scheme: 'standard' }, type: 'standard' } }],
      // Iceland takes `standard` on create, and Stripe's object has no such field.
      [{ is: { type: 'standard', standard: { place_of_supply_scheme: 'standard' } } }, { is: { type: 'standard' } }],
      [{ au: { type: 'standard' } }, { au: { standard: { place_of_supply_scheme: 'standard' }, type: 'standard' } }],
      [{ nz: { type: 'standard' } }, { nz: { standard: { place_of_supply_scheme: 'standard' }, type: 'standard' } }],
      [{ sg: { type: 'standard' } }, { sg: { standard: { place_of_supply_scheme: 'standard' }, type: 'standard' } }],
      [{ jp: { type: 'standard' } }, { jp: { standard: { place_of_supply_scheme: 'standard' }, type: 'standard' } }],
      [{ in: { type: 'simplified' } }, { in: { type: 'simplified' } }],
      [{ ca: { type: 'standard' } }, { ca: { type: 'standard' } }],
      [{ ca: { type: 'simplified' } }, { ca: { type: 'simplified' } }],
      [
        { ca: { type: 'province_standard', province_standard: { province: 'qc' } } },
        { ca: { province_standard: { province: 'QC' }, type: 'province_standard' } },
      ],
      [{ us: { type: 'state_sales_tax', state: 'ca' } }, { us: { state: 'CA', type: 'state_sales_tax' } }],
      [
        {
          us: {
            type: 'state_sales_tax',
            state: 'IL',
            state_sales_tax: { elections: [{ type: 'local_use_tax' }, { type: 'single_local_use_tax', jurisdiction: '17031' }] },
          },
        },
        {
          us: {
            state: 'IL',
            state_sales_tax: { elections: [{ type: 'local_use_tax' }, { jurisdiction: '17031', type: 'single_local_use_tax' }] },
            type: 'state_sales_tax',
          },
        },
      ],
    ];
    for (const [given, shown] of cases) {
      const country = Object.keys(given)[0].toUpperCase();
      const reg = await stripe.tax.registrations.create({ country, country_options: given, active_from: 'now' });
      expect({ country: reg.country, country_options: reg.country_options, status: reg.status }, country).toEqual({
        country,
        country_options: shown,
        status: 'active',
      });
      expectSdkShape(reg);
    }
    const [fr] = (await stripe.tax.registrations.list({ limit: 100 })).data.filter((r) => r.country === 'FR');
    expect(shapeGaps(fr.country_options.fr?.standard ?? {}, sdkFields(FILE, ['Registration', 'CountryOptions', 'Fr', 'Standard']))).toEqual(
      noGaps,
    );
    const [qc] = (await stripe.tax.registrations.list({ limit: 100 })).data.filter(
      (r) => r.country_options.ca?.type === 'province_standard',
    );
    expect(
      shapeGaps(
        qc.country_options.ca?.province_standard ?? {},
        sdkFields(FILE, ['Registration', 'CountryOptions', 'Ca', 'ProvinceStandard']),
      ),
    ).toEqual(noGaps);
    expect((await stripe.tax.registrations.list({ limit: 100 })).data).toHaveLength(cases.length);
  });

  it('status follows the clock: scheduled with a future active_from, active from now, expired once expires_at passes', async () => {
    const { stripe } = await newMerchant();
    const start = nowSeconds() + 2 * HOUR;
    const reg = await stripe.tax.registrations.create({
      country: 'GB',
      country_options: { gb: { type: 'standard' } },
      active_from: start,
    });
    expect(reg).toMatchObject({ active_from: start, expires_at: null, status: 'scheduled' });
    expect((await stripe.tax.registrations.retrieve(reg.id)).status).toBe('scheduled');

    const active = await stripe.tax.registrations.update(reg.id, { active_from: 'now' });
    expect(active.status).toBe('active');
    expect(active.active_from).toBeLessThanOrEqual(nowSeconds());

    const ending = await stripe.tax.registrations.update(reg.id, { expires_at: nowSeconds() + HOUR });
    expect(ending).toMatchObject({ status: 'active', expires_at: expect.any(Number) as unknown });

    const expired = await stripe.tax.registrations.update(reg.id, { expires_at: 'now' });
    expect(expired.status).toBe('expired');
    expect(expired.expires_at).toBeLessThanOrEqual(nowSeconds());
    expect(await stripe.tax.registrations.retrieve(reg.id)).toEqual(expired);

    // `expires_at=` clears the end: active again, indefinitely.
    const again = await stripe.tax.registrations.update(reg.id, { expires_at: '' });
    expect(again).toMatchObject({ status: 'active', expires_at: null, active_from: active.active_from });
  });

  it('merchant registers again where a registration of the same kind is active or scheduled → refused; another type, state or province is fine', async () => {
    const { stripe } = await newMerchant();
    const de = await stripe.tax.registrations.create({ country: 'DE', country_options: { de: { type: 'oss_union' } }, active_from: 'now' });
    const overlap = await expectRefused(
      stripe,
      { country: 'DE', country_options: { de: { type: 'oss_union' } }, active_from: nowSeconds() + HOUR },
      'country',
    );
    expect(overlap.message).toContain(de.id);
    // Another type in the same country is another registration.
    await stripe.tax.registrations.create({ country: 'DE', country_options: { de: { type: 'standard' } }, active_from: 'now' });

    // US: one per state.
    await stripe.tax.registrations.create({
      country: 'US',
      country_options: { us: { type: 'state_sales_tax', state: 'CA' } },
      active_from: 'now',
    });
    await stripe.tax.registrations.create({
      country: 'US',
      country_options: { us: { type: 'state_sales_tax', state: 'NY' } },
      active_from: 'now',
    });
    await expectRefused(
      stripe,
      { country: 'US', country_options: { us: { type: 'state_sales_tax', state: 'ca' } }, active_from: 'now' },
      'country',
    );

    // Canada: one per province for province_standard; the federal registration is another kind.
    const qc = { country: 'CA', country_options: { ca: { type: 'province_standard' as const, province_standard: { province: 'QC' } } } };
    await stripe.tax.registrations.create({ ...qc, active_from: 'now' });
    await stripe.tax.registrations.create({
      country: 'CA',
      country_options: { ca: { type: 'province_standard', province_standard: { province: 'BC' } } },
      active_from: 'now',
    });
    await stripe.tax.registrations.create({ country: 'CA', country_options: { ca: { type: 'standard' } }, active_from: 'now' });
    await expectRefused(stripe, { ...qc, active_from: 'now' }, 'country');

    // A scheduled registration is in the way of an open-ended one, not of one that ends before it starts.
    const later = nowSeconds() + 10 * HOUR;
    const fr = { country: 'FR', country_options: { fr: { type: 'standard' as const } } };
    await stripe.tax.registrations.create({ ...fr, active_from: later });
    await expectRefused(stripe, { ...fr, active_from: 'now' }, 'country');
    const before = await stripe.tax.registrations.create({ ...fr, active_from: 'now', expires_at: later });
    expect(before.status).toBe('active');
    // Nor may an update stretch one over the other.
    const stretch = await stripeError(stripe.tax.registrations.update(before.id, { expires_at: '' }));
    expect({ status: stretch.statusCode, param: stretch.param }).toEqual({ status: 400, param: 'expires_at' });

    // Once the first German one has expired, a new one may start.
    await stripe.tax.registrations.update(de.id, { expires_at: 'now' });
    const next = await stripe.tax.registrations.create({
      country: 'DE',
      country_options: { de: { type: 'oss_union' } },
      active_from: 'now',
    });
    expect(next.status).toBe('active');
  });

  it('merchant lists registrations → newest first, filtered by status, paged with cursors', async () => {
    const { stripe } = await newMerchant();
    const a = await stripe.tax.registrations.create({ country: 'AT', country_options: { at: { type: 'standard' } }, active_from: 'now' });
    const b = await stripe.tax.registrations.create({
      country: 'BE',
      country_options: { be: { type: 'standard' } },
      active_from: nowSeconds() + HOUR,
    });
    const c = await stripe.tax.registrations.create({ country: 'NL', country_options: { nl: { type: 'standard' } }, active_from: 'now' });
    await stripe.tax.registrations.update(c.id, { expires_at: 'now' });
    const d = await stripe.tax.registrations.create({ country: 'SE', country_options: { se: { type: 'oss_union' } }, active_from: 'now' });

    const all = await stripe.tax.registrations.list();
    expect(ids(all)).toEqual([d.id, c.id, b.id, a.id]);
    expect(all).toMatchObject({ object: 'list', has_more: false, url: '/v1/tax/registrations' });
    expect(all.data.map((r) => r.status)).toEqual(['active', 'expired', 'scheduled', 'active']);
    expect(ids(await stripe.tax.registrations.list({ status: 'all' }))).toEqual([d.id, c.id, b.id, a.id]);
    expect(ids(await stripe.tax.registrations.list({ status: 'active' }))).toEqual([d.id, a.id]);
    expect(ids(await stripe.tax.registrations.list({ status: 'scheduled' }))).toEqual([b.id]);
    expect(ids(await stripe.tax.registrations.list({ status: 'expired' }))).toEqual([c.id]);

    const first = await stripe.tax.registrations.list({ limit: 2 });
    expect(ids(first)).toEqual([d.id, c.id]);
    expect(first.has_more).toBe(true);
    const rest = await stripe.tax.registrations.list({ limit: 2, starting_after: c.id });
    expect(ids(rest)).toEqual([b.id, a.id]);
    expect(rest.has_more).toBe(false);
    expect(ids(await stripe.tax.registrations.list({ ending_before: a.id, limit: 1 }))).toEqual([b.id]);
    expect(ids(await stripe.tax.registrations.list({ status: 'active', limit: 1, starting_after: d.id }))).toEqual([a.id]);
    // The SDK's auto-pagination walks every page.
    const walked: string[] = [];
    for await (const r of stripe.tax.registrations.list({ limit: 1 })) walked.push(r.id);
    expect(walked).toEqual([d.id, c.id, b.id, a.id]);

    expect(await stripeError(stripe.tax.registrations.list({ status: 'pending' }))).toMatchObject({ statusCode: 400, param: 'status' });
    expect(await stripeError(stripe.tax.registrations.list({ starting_after: 'taxreg_nope' }))).toMatchObject({
      statusCode: 400,
      code: 'resource_missing',
      param: 'starting_after',
    });
    expect(await stripeError(stripe.tax.registrations.list({ limit: 0 }))).toMatchObject({ statusCode: 400, param: 'limit' });
  });

  it("merchant asks for another merchant's registration → 404 resource_missing, and it is not listed", async () => {
    const a = await newMerchant();
    const b = await newMerchant();
    const reg = await a.stripe.tax.registrations.create({
      country: 'JP',
      country_options: { jp: { type: 'standard' } },
      active_from: 'now',
    });
    expect(await stripeError(b.stripe.tax.registrations.retrieve(reg.id))).toMatchObject({
      statusCode: 404,
      type: 'StripeInvalidRequestError',
      code: 'resource_missing',
      param: 'id',
      message: `No such tax registration: '${reg.id}'`,
    });
    expect(await stripeError(b.stripe.tax.registrations.update(reg.id, { expires_at: 'now' }))).toMatchObject({
      statusCode: 404,
      code: 'resource_missing',
    });
    expect((await b.stripe.tax.registrations.list()).data).toEqual([]);
    expect(await stripeError(b.stripe.tax.registrations.list({ starting_after: reg.id }))).toMatchObject({ code: 'resource_missing' });
    // Each account's registrations are its own: the same one is no overlap for another merchant.
    await b.stripe.tax.registrations.create({ country: 'JP', country_options: { jp: { type: 'standard' } }, active_from: 'now' });
    expect(await a.stripe.tax.registrations.retrieve(reg.id)).toEqual(reg);
  });
});
