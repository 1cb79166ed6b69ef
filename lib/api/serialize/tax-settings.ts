import type { TaxSettingsRow } from '@/db/queries/tax-settings';

/**
 * Stripe's `tax.settings`; `row` is null for an account that never updated them (the defaults).
 * `active` once a head office with a country is known: that is all the calculation needs.
 */
export function serializeTaxSettings(row: TaxSettingsRow | null) {
  const address = row?.headOfficeAddress ?? null;
  const active = !!address?.country;
  return {
    object: 'tax.settings' as const,
    defaults: {
      // Caisse calculates tax itself: no third-party provider.
      provider: 'stripe' as const,
      tax_behavior: row?.defaultTaxBehavior ?? null,
      tax_code: row?.defaultTaxCode ?? null,
    },
    head_office: address ? { address } : null,
    livemode: row?.livemode ?? false,
    status: active ? ('active' as const) : ('pending' as const),
    status_details: active ? { active: {} } : { pending: { missing_fields: ['head_office'] } },
  };
}
