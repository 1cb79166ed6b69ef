import countryToCurrency from 'country-to-currency';
import type { Queryable } from '@/db/client';
import type { SessionRow } from '@/db/queries/checkout-sessions';
import { findCustomer } from '@/db/queries/customers';
import type { StoredAdaptivePricing } from '@/db/schema/checkout-json';
import { env } from '@/lib/env';
import { convertAmount, exchangeRate } from '@/lib/fx/fx-rates';
import { isSupportedCurrency } from '@/lib/money/currencies';

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
export async function presentmentFor(db: Queryable, session: SessionRow, country: string | null, now: Date): Promise<Presentment | null> {
  const from = session.currency;
  const to = localCurrency(country);
  if (!session.adaptivePricing.enabled || !from || !to || to === from) return null;
  const locked = session.adaptivePricing.locked?.[to];
  if (locked) return { currency: to, ...locked };
  const quote = await exchangeRate(db, { from, to, now, maxAgeDays: env().FX_MAX_AGE_DAYS });
  return quote ? { currency: to, rate: quote.rate, rate_date: quote.date } : null;
}

/** Where the session's customer is, as far as the page or the Customer tells: the country typed, else the Customer's. */
export async function sessionCountry(db: Queryable, session: SessionRow): Promise<string | null> {
  const typed = session.automaticTax.inputs?.location;
  if (typed) return typed.country;
  if (!session.customerId) return null;
  const customer = await findCustomer(db, { accountId: session.accountId, id: session.customerId });
  return (customer?.shipping?.address.country ?? customer?.address?.country) || null;
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
