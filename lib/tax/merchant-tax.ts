import type { Queryable } from '@/db/client';
import { listRegistrationsActiveAt } from '@/db/queries/tax-registrations';
import { findTaxSettings } from '@/db/queries/tax-settings';
import type { MerchantTaxSettings, TaxRegistration } from './types';

/**
 * What the engine needs of the merchant (`/v1/tax/settings` and `/v1/tax/registrations`): the settings
 * as stored (the defaults while there are none) and the registrations active at `at`. A registration's
 * `state` is its US state (`state_sales_tax`) or Canadian province (`province_standard`), else null.
 */
export async function merchantTax(
  db: Queryable,
  accountId: string,
  at: Date,
): Promise<{ settings: MerchantTaxSettings; registrations: TaxRegistration[] }> {
  // One after the other: `db` may be a transaction, whose one connection runs a query at a time.
  const row = await findTaxSettings(db, { accountId });
  const active = await listRegistrationsActiveAt(db, { accountId, at });
  const address = row?.headOfficeAddress ?? null;
  return {
    settings: {
      headOffice: address?.country ? { country: address.country, state: address.state } : null,
      defaults: { taxBehavior: row?.defaultTaxBehavior ?? null, taxCode: row?.defaultTaxCode ?? null },
    },
    registrations: active.map((r) => ({
      country: r.country,
      type: r.type,
      state: r.state,
      placeOfSupplyScheme: schemeOf(r.countryOptions),
    })),
  };
}

/** An EU standard registration's place_of_supply_scheme (`country_options[xx][standard][place_of_supply_scheme]`). */
function schemeOf(option: { type: string } & Record<string, unknown>): 'small_seller' | 'standard' | null {
  const standard = option.standard as { place_of_supply_scheme?: unknown } | undefined;
  const scheme = standard?.place_of_supply_scheme;
  return scheme === 'small_seller' || scheme === 'standard' ? scheme : null;
}
