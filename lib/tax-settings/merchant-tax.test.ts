import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useOwnDatabase } from '@/e2e/support/own-database';
import type { Db } from '@/db/client';

// lib/tax/merchant-tax.ts reads what /v1/tax/settings and /v1/tax/registrations write: driven here through the same lib/ functions.
let db: Db;
let drop: () => Promise<void> = async () => {};
beforeAll(async () => {
  drop = await useOwnDatabase('caisse_merchant_tax');
  db = await (await import('@/db/client')).getDb();
});
afterAll(() => drop());

const HOUR = 3600;
const scope = (accountId: string) => ({ accountId });
const merchantTax = async (accountId: string, at: Date) => (await import('@/lib/tax/merchant-tax')).merchantTax(db, accountId, at);

async function register(accountId: string, params: Record<string, unknown>) {
  const { createTaxRegistration } = await import('./tax-registrations');
  const { createTaxRegistrationSchema } = await import('@/lib/validation/tax-registrations');
  const { parseParams } = await import('@/lib/api/parse-params');
  return createTaxRegistration(db, scope(accountId), parseParams(createTaxRegistrationSchema, params));
}

describe('merchantTax: the settings and registrations the tax engine reads', () => {
  it('an account with nothing set → no head office, no defaults, no registrations', async () => {
    expect(await merchantTax('acct_empty', new Date())).toEqual({
      settings: { headOffice: null, defaults: { taxBehavior: null, taxCode: null } },
      registrations: [],
    });
  });

  it('the stored settings: head office country and state, the defaults', async () => {
    const { updateTaxSettings } = await import('./tax-settings');
    await updateTaxSettings(db, scope('acct_settings'), {
      head_office: { address: { country: 'US', state: 'CA', city: 'San Francisco' } },
      defaults: { tax_behavior: 'exclusive', tax_code: 'txcd_10000000' },
    });
    expect((await merchantTax('acct_settings', new Date())).settings).toEqual({
      headOffice: { country: 'US', state: 'CA' },
      defaults: { taxBehavior: 'exclusive', taxCode: 'txcd_10000000' },
    });
    // An address without a country is no head office for the engine.
    await updateTaxSettings(db, scope('acct_settings'), { head_office: { address: { city: 'Somewhere' } } });
    expect((await merchantTax('acct_settings', new Date())).settings.headOffice).toBeNull();
  });

  it('the registrations active at the given time, with the US state or Canadian province', async () => {
    const now = Math.floor(Date.now() / 1000);
    const acct = 'acct_regs';
    await register(acct, { country: 'DE', country_options: { de: { type: 'oss_union' } }, active_from: now - 10 * HOUR });
    await register(acct, {
      country: 'US',
      country_options: { us: { type: 'state_sales_tax', state: 'NY' } },
      active_from: now - 10 * HOUR,
    });
    await register(acct, {
      country: 'CA',
      country_options: { ca: { type: 'province_standard', province_standard: { province: 'QC' } } },
      active_from: now - 10 * HOUR,
      expires_at: now - 5 * HOUR,
    });
    await register(acct, { country: 'GB', country_options: { gb: { type: 'standard' } }, active_from: now + 5 * HOUR });
    await register(acct, { country: 'NZ', country_options: { nz: { type: 'standard' } }, active_from: now - 10 * HOUR });
    await register('acct_other', { country: 'FR', country_options: { fr: { type: 'standard' } }, active_from: now - 10 * HOUR });

    const at = (s: number) => new Date(s * 1000);
    expect((await merchantTax(acct, at(now))).registrations).toEqual([
      { country: 'DE', type: 'oss_union', state: null, placeOfSupplyScheme: null },
      { country: 'US', type: 'state_sales_tax', state: 'NY', placeOfSupplyScheme: null },
      { country: 'NZ', type: 'standard', state: null, placeOfSupplyScheme: 'standard' },
    ]);
    // Seven hours ago the Quebec registration was in force; in six hours the British one is.
    expect((await merchantTax(acct, at(now - 7 * HOUR))).registrations).toContainEqual({
      country: 'CA',
      type: 'province_standard',
      state: 'QC',
      placeOfSupplyScheme: null,
    });
    expect((await merchantTax(acct, at(now + 6 * HOUR))).registrations).toContainEqual({
      country: 'GB',
      type: 'standard',
      state: null,
      placeOfSupplyScheme: 'standard',
    });
    // The edges: active from active_from on, no longer at expires_at.
    expect((await merchantTax(acct, at(now - 5 * HOUR))).registrations.map((r) => r.country)).not.toContain('CA');
    expect((await merchantTax(acct, at(now + 5 * HOUR))).registrations.map((r) => r.country)).toContain('GB');
    expect((await merchantTax(acct, at(now - 11 * HOUR))).registrations).toEqual([]);
  });
});
