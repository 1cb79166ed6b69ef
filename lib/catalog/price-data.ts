import type { CurrencyOption, Recurring } from '@/db/schema';
import { invalidRequest, missingParam } from '@/lib/api/errors';
import type { CurrencyOptionParams, PriceDataParams } from '@/lib/validation/prices';
import { assertChargeableAmount, currencyOptionKey } from './amounts';

type TaxBehavior = 'exclusive' | 'inclusive' | 'unspecified';
/** Names a parameter as the caller sent it (plain, or nested under `default_price_data`). */
export type ParamName = (param: string) => string;
const plain: ParamName = (p) => p;

// Stripe bills at most yearly: the interval times its count may not exceed one year.
const MAX_INTERVAL_COUNT = { day: 365, week: 52, month: 12, year: 1 } as const;

/** Exactly one of unit_amount / unit_amount_decimal; `param(name)` spells where they sit. */
function oneAmount(o: { unit_amount?: number; unit_amount_decimal?: string }, param: (name: string) => string) {
  if (o.unit_amount !== undefined && o.unit_amount_decimal !== undefined)
    throw invalidRequest(
      `You may only specify one of these parameters: ${param('unit_amount')}, ${param('unit_amount_decimal')}.`,
      param('unit_amount_decimal'),
      'parameters_exclusive',
    );
  if (o.unit_amount !== undefined) return { unitAmount: o.unit_amount, unitAmountDecimal: String(o.unit_amount) };
  if (o.unit_amount_decimal === undefined) throw missingParam(param('unit_amount'));
  // Whole minor units when the decimal has no fraction (Stripe shows unit_amount null otherwise).
  const dec = o.unit_amount_decimal;
  return { unitAmount: dec.includes('.') ? null : Number(dec), unitAmountDecimal: dec };
}

/** Validates and normalises `currency_options` against the price's own currency. */
export function normaliseCurrencyOptions(
  given: Record<string, CurrencyOptionParams>,
  own: string,
  defaultTaxBehavior: TaxBehavior,
  at: ParamName = plain,
): Record<string, CurrencyOption> {
  const out: Record<string, CurrencyOption> = {};
  for (const [key, o] of Object.entries(given)) {
    const cur = currencyOptionKey(key, own, at(`currency_options[${key}]`));
    const { unitAmount, unitAmountDecimal } = oneAmount(o, (name) => at(`currency_options[${key}][${name}]`));
    assertChargeableAmount(unitAmountDecimal, cur, at(`currency_options[${key}][unit_amount]`));
    out[cur] = {
      custom_unit_amount: null,
      tax_behavior: o.tax_behavior ?? defaultTaxBehavior,
      unit_amount: unitAmount,
      unit_amount_decimal: unitAmountDecimal,
    };
  }
  return out;
}

function customUnitAmount(c: NonNullable<PriceDataParams['custom_unit_amount']>, p: PriceDataParams, at: ParamName) {
  if (p.unit_amount !== undefined || p.unit_amount_decimal !== undefined)
    throw invalidRequest(
      'unit_amount and unit_amount_decimal cannot be combined with custom_unit_amount: the customer chooses the amount.',
      at('unit_amount'),
    );
  if (p.recurring) throw invalidRequest('custom_unit_amount is only supported for one-time prices.', at('custom_unit_amount'));
  const { minimum = null, maximum = null, preset = null } = c;
  if (minimum !== null && maximum !== null && minimum > maximum)
    throw invalidRequest(
      'custom_unit_amount[minimum] must be less than or equal to custom_unit_amount[maximum].',
      at('custom_unit_amount[minimum]'),
    );
  if (preset !== null && ((minimum !== null && preset < minimum) || (maximum !== null && preset > maximum)))
    throw invalidRequest('custom_unit_amount[preset] must be between the minimum and the maximum.', at('custom_unit_amount[preset]'));
  for (const [k, v] of Object.entries({ maximum, minimum, preset }))
    if (v !== null) assertChargeableAmount(v, p.currency, at(`custom_unit_amount[${k}]`));
  return { maximum, minimum, preset };
}

function recurring(r: NonNullable<PriceDataParams['recurring']>, at: ParamName): Recurring {
  const count = r.interval_count ?? 1;
  if (count > MAX_INTERVAL_COUNT[r.interval])
    throw invalidRequest(
      `Invalid recurring interval: the maximum is one year (1 year, 12 months, 52 weeks or 365 days); got ${count} ${r.interval}s.`,
      at('recurring[interval_count]'),
    );
  return {
    interval: r.interval,
    interval_count: count,
    usage_type: 'licensed',
    meter: null,
    trial_period_days: r.trial_period_days ?? null,
  };
}

/** The stored columns of a price from its data, after every cross-field rule Stripe applies. */
export function priceValues(p: PriceDataParams, at: ParamName = plain) {
  const taxBehavior: TaxBehavior = p.tax_behavior ?? 'unspecified';
  const c = p.custom_unit_amount;
  if (c && !c.enabled && (c.minimum !== undefined || c.maximum !== undefined || c.preset !== undefined))
    throw invalidRequest(
      'custom_unit_amount[enabled] must be true to set a minimum, maximum or preset.',
      at('custom_unit_amount[enabled]'),
    );
  const custom = c?.enabled ? customUnitAmount(c, p, at) : null;
  const amount = custom ? { unitAmount: null, unitAmountDecimal: null } : oneAmount(p, at);
  if (amount.unitAmountDecimal !== null) assertChargeableAmount(amount.unitAmountDecimal, p.currency, at('unit_amount'));
  const options = p.currency_options ? normaliseCurrencyOptions(p.currency_options, p.currency, taxBehavior, at) : {};
  return {
    currency: p.currency,
    unitAmount: amount.unitAmount,
    unitAmountDecimal: amount.unitAmountDecimal,
    customUnitAmount: custom,
    type: p.recurring ? ('recurring' as const) : ('one_time' as const),
    recurring: p.recurring ? recurring(p.recurring, at) : null,
    taxBehavior,
    currencyOptions: Object.keys(options).length ? options : null,
  };
}
