// Shared by the tax registration suites: the SDK's shapes, and values its types forbid sent on purpose.
import type Stripe from 'stripe';
import { expect } from 'vitest';
import { stripeError } from '../support/merchant';
import { sdkFields, shapeGaps } from './sdk-fields';

export type Create = Stripe.Tax.RegistrationCreateParams;
export type Registration = Stripe.Tax.Registration;
export const noGaps = { missing: [], unknown: [] };
export const FILE = 'Tax/Registrations';
// Values the SDK's types forbid, sent on purpose.
export const loose = (p: Record<string, unknown>) => p as unknown as Create;
export const looseUpdate = (p: Record<string, unknown>) => p as unknown as Stripe.Tax.RegistrationUpdateParams;

export const nowSeconds = () => Math.floor(Date.now() / 1000);
export const HOUR = 3600;
export const ids = (l: Stripe.ApiList<Registration>) => l.data.map((r) => r.id);

/** The SDK's name for a country's option interface: `de` → `De`. */
export const optionType = (country: string) => country.charAt(0).toUpperCase() + country.slice(1);

export function expectSdkShape(reg: Registration) {
  expect(shapeGaps(reg, sdkFields(FILE, ['Registration']))).toEqual(noGaps);
  expect(Object.keys(reg.country_options)).toEqual([reg.country.toLowerCase()]);
  const [[key, option]] = Object.entries(reg.country_options) as [string, object][];
  expect(shapeGaps(option, sdkFields(FILE, ['Registration', 'CountryOptions', optionType(key)])), key).toEqual(noGaps);
}

export async function expectRefused(stripe: Stripe, params: Create, param: string, code?: string) {
  const err = await stripeError(stripe.tax.registrations.create(params));
  expect({ status: err.statusCode, type: err.type, param: err.param, code: err.code }, JSON.stringify(params)).toEqual({
    status: 400,
    type: 'StripeInvalidRequestError',
    param,
    code,
  });
  return err;
}
