import countryToCurrency from 'country-to-currency';
import type { Queryable } from '@/db/client';
import type { PriceRow, ShippingRateRow } from '@/db/queries/checkout-refs';
import type { SessionRow } from '@/db/queries/checkout-sessions';
import type { CouponRow } from '@/db/queries/coupons';
import type { CustomerRow } from '@/db/queries/customers';
import type { StoredAdaptivePricing } from '@/db/schema/checkout-json';
import { env } from '@/lib/env';
import { convertAmount, exchangeRate } from '@/lib/fx/fx-rates';
import { isSupportedCurrency } from '@/lib/money/currencies';
import { present } from '@/lib/util/present';
import { couponAmountIn } from './discount-eligibility';
import { shippingAmountIn, unitAmountIn } from './pricing-input';

export type Presentment = NonNullable<StoredAdaptivePricing['presentment']>;

/** The currency a country pays in, lowercase, if Caisse can charge it. */
export function localCurrency(country: string | null | undefined): string | null {
  const code = country ? (countryToCurrency as Readonly<Partial<Record<string, string>>>)[country.toUpperCase()] : undefined;
  const currency = code?.toLowerCase();
  return currency && isSupportedCurrency(currency) ? currency : null;
}

/**
 * Adaptive pricing: the currency and locked rate the session shows the customer, for the country they are in.
 * A rate once locked for a currency stays the session's (the amount shown does not move while they pay);
 * another currency locks its own. Null — the merchant's currency — without adaptive pricing, for a customer
 * whose currency is the session's or unknown, or when the latest rate is older than FX_MAX_AGE_DAYS.
 */
export async function presentmentFor(
  db: Queryable,
  session: Pick<SessionRow, 'adaptivePricing'>,
  p: { from: string; country: string | null; now: Date },
): Promise<Presentment | null> {
  const { from, now } = p;
  const to = localCurrency(p.country);
  if (!session.adaptivePricing.enabled || !to || to === from) return null;
  const locked = session.adaptivePricing.locked?.[to];
  if (locked) return { currency: to, ...locked };
  const quote = await exchangeRate(db, { from, to, now, maxAgeDays: env().FX_MAX_AGE_DAYS });
  return quote ? { currency: to, rate: quote.rate, rate_date: quote.date } : null;
}

/** Where the session's customer is, as far as the page or the Customer tells: the country typed, else the Customer's. */
function sessionCountry(session: SessionRow, customer: CustomerRow | null): string | null {
  const typed = session.automaticTax.inputs?.location;
  if (typed) return typed.country;
  return (customer?.shipping?.address.country ?? customer?.address?.country) || null;
}

/** The currency the merchant's prices gave the session, whichever the customer is shown now. */
export function merchantCurrency(session: Pick<SessionRow, 'currency' | 'adaptivePricing'>): string | null {
  return session.adaptivePricing.merchant_currency ?? session.currency;
}

/**
 * Manual currency prices win over conversion (as Stripe's): the customer's currency, when every line (optional items
 * too), every shipping option and an amount-off coupon have an amount of the merchant's own in it, else null.
 */
export function manualCurrency(p: {
  to: string | null;
  prices: PriceRow[];
  shippingRates: ShippingRateRow[];
  coupon: CouponRow | null;
}): string | null {
  const { to } = p;
  if (!to) return null;
  const has = p.prices.every((price) => unitAmountIn(price, to)) && p.shippingRates.every((rate) => shippingAmountIn(rate, to) !== null);
  const couponHas = !p.coupon || p.coupon.percentOff !== null || couponAmountIn(p.coupon, to) !== null;
  return has && couponHas ? to : null;
}

/**
 * Adaptive pricing for where the customer is now: the session's currency (the customer's own when the merchant's
 * prices have it, else the merchant's) and what the session stores of it (the presentment at a locked rate, or none).
 */
export async function adaptiveCurrency(
  db: Queryable,
  session: SessionRow,
  p: { prices: PriceRow[]; shippingRates: ShippingRateRow[]; coupon: CouponRow | null; customer: CustomerRow | null; now: Date },
): Promise<{ currency: string; adaptivePricing: StoredAdaptivePricing }> {
  const from = present(merchantCurrency(session), `session ${session.id}'s currency`);
  const stored = { ...session.adaptivePricing, merchant_currency: from };
  const country = sessionCountry(session, p.customer);
  const to = localCurrency(country);
  const manual = to === from ? null : manualCurrency({ to, prices: p.prices, shippingRates: p.shippingRates, coupon: p.coupon });
  if (manual) return { currency: manual, adaptivePricing: { ...stored, presentment: null } };
  return { currency: from, adaptivePricing: withPresentment(stored, await presentmentFor(db, session, { from, country, now: p.now })) };
}

/** What the session stores once a presentment is chosen: it, and every rate locked so far. */
export function withPresentment(stored: StoredAdaptivePricing, presentment: Presentment | null): StoredAdaptivePricing {
  if (!presentment) return { ...stored, presentment: null };
  const { currency, ...rate } = presentment;
  return { ...stored, presentment, locked: { ...stored.locked, [currency]: rate } };
}

/** An amount of the session's currency as the customer sees it. */
export function presentAmount(amount: number, session: Pick<SessionRow, 'currency'>, presentment: Presentment): number {
  return convertAmount(amount, session.currency ?? presentment.currency, presentment.currency, presentment.rate);
}

/** Stripe's presentment_details of a session (and its payment intent), or null without a presentment. */
export function presentmentDetails(session: Pick<SessionRow, 'currency' | 'amountTotal' | 'adaptivePricing'>) {
  const presentment = session.adaptivePricing.presentment;
  if (!presentment) return null;
  return { presentment_amount: presentAmount(session.amountTotal ?? 0, session, presentment), presentment_currency: presentment.currency };
}
