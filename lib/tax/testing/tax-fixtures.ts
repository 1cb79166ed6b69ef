import { calculateTax, type TaxableItem } from '../calculate-tax';
import type { AppliedTax, MerchantTaxSettings, TaxCustomer, TaxLocation, TaxRegistration } from '../types';

// The tax engine's tests' world: a merchant's settings and registrations, a customer somewhere, goods to sell.

export const AT = new Date('2026-12-04T12:00:00Z');
export const goods: TaxableItem = { key: 'goods', taxCode: 'txcd_99999999', taxBehavior: 'exclusive' };
export const settings = (country: string | null, state: string | null = null): MerchantTaxSettings => ({
  headOffice: country ? { country, state } : null,
  defaults: { taxBehavior: null, taxCode: null },
});
export const customer = (location: TaxLocation | null, more: Partial<TaxCustomer> = {}): TaxCustomer => ({
  location,
  taxExempt: 'none',
  taxIds: [],
  ...more,
});
export const at = (country: string, state: string | null = null): TaxLocation => ({ country, state, postalCode: null });
export const reg = (
  country: string,
  type = 'standard',
  state: string | null = null,
  placeOfSupplyScheme: TaxRegistration['placeOfSupplyScheme'] = null,
): TaxRegistration => ({
  country,
  type,
  state,
  placeOfSupplyScheme,
});

type World = { home: string; registrations: TaxRegistration[]; customer: TaxCustomer; items?: TaxableItem[]; when?: Date };

export const taxesOf = (p: World) => complete(p).taxes;
export const sharesOf = (p: World) => complete(p).shares;

function complete(p: World) {
  const result = calculateTax({
    settings: settings(p.home),
    registrations: p.registrations,
    customer: p.customer,
    items: p.items ?? [goods],
    at: p.when ?? AT,
  });
  if (result.status !== 'complete') throw new Error(result.status);
  return result;
}
export const brief = (t: AppliedTax) => [t.jurisdiction, t.taxType, t.percentage, t.taxabilityReason];
