import type Stripe from 'stripe';
import { newMerchant } from '../support/merchant';

// The automatic-tax suites' merchant and the way they read a tax of a session's breakdown.

type Registration = Stripe.Tax.RegistrationCreateParams;

/** A new merchant with a head office, exclusive tax by default, and the registrations given in force from now. */
export async function taxMerchant(headOffice: Stripe.AddressParam, registrations: Pick<Registration, 'country' | 'country_options'>[]) {
  const { stripe } = await newMerchant();
  await stripe.tax.settings.update({ head_office: { address: headOffice }, defaults: { tax_behavior: 'exclusive' } });
  for (const r of registrations) await stripe.tax.registrations.create({ ...r, active_from: 'now' });
  return stripe;
}

/** A new merchant in New York registered for the EU's import scheme (IOSS) in Ireland. */
export const iossMerchant = () =>
  taxMerchant({ country: 'US', state: 'NY' }, [{ country: 'IE', country_options: { ie: { type: 'ioss' } } }]);

export const brief = (t: Stripe.Checkout.Session.TotalDetails.Breakdown.Tax) => ({
  amount: t.amount,
  jurisdiction: t.rate.jurisdiction,
  percentage: t.rate.percentage,
  tax_type: t.rate.tax_type,
  taxability_reason: t.taxability_reason,
});
