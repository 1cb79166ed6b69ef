import { ApiError, invalidRequest, missingParam } from '@/lib/api/errors';
import { firstDisallowedRedirect } from '@/lib/domains/redirect-allowlist';
import { isEmbedded } from './ui-mode';
import { UNSUPPORTED_SESSION_PARAMS, type CreateCheckoutSessionParams } from '@/lib/validation/checkout-sessions';

export const MIN_EXPIRY_SECONDS = 30 * 60;
export const MAX_EXPIRY_SECONDS = 24 * 60 * 60;

const notSupported = (param: string, what = param) =>
  new ApiError({
    status: 400,
    type: 'invalid_request_error',
    code: 'parameter_unknown',
    param,
    message: `${what} is not supported by Caisse.`,
  });

/**
 * Stripe's cross-field rules for creating a session, checked before anything
 * is read or written. `now` is unix seconds.
 */
export function checkCreateRules(
  p: CreateCheckoutSessionParams,
  now: number,
): asserts p is CreateCheckoutSessionParams & { mode: NonNullable<CreateCheckoutSessionParams['mode']> } {
  for (const key of UNSUPPORTED_SESSION_PARAMS) if (p[key] !== undefined) throw notSupported(key);
  if (!p.mode) throw missingParam('mode');
  const uiMode = p.ui_mode ?? 'hosted_page';
  if (uiMode === 'custom' || uiMode === 'elements' || uiMode === 'form') throw notSupported('ui_mode', `ui_mode=${uiMode}`);
  // Automatic tax decides every rate: a subscription's default rates would contradict it (its invoices are taxed automatically too).
  if (p.automatic_tax?.enabled && p.subscription_data?.default_tax_rates?.length)
    throw taxRatesRefused('subscription_data[default_tax_rates]');
  if (p.automatic_tax?.enabled && p.mode === 'setup')
    throw invalidRequest('automatic_tax[enabled] cannot be used in setup mode: a setup session charges nothing.', 'automatic_tax[enabled]');
  // The merchant owes the tax it collects: a connected account's liability needs Connect, which Caisse does not have.
  if (p.automatic_tax?.liability?.type === 'account')
    throw notSupported('automatic_tax[liability][type]', 'Tax liability on a connected account');
  // Local currencies for one-time payments: a subscription's later invoices would need them too (not yet).
  if (p.adaptive_pricing?.enabled && p.mode !== 'payment')
    throw notSupported('adaptive_pricing[enabled]', `Adaptive pricing in ${p.mode ?? 'this'} mode`);
  if (p.invoice_creation?.enabled) throw notSupported('invoice_creation[enabled]', 'Invoice creation');

  if (isEmbedded(uiMode)) {
    if (p.success_url) throw invalidRequest('success_url cannot be used with ui_mode=embedded; use return_url instead.', 'success_url');
    if (p.cancel_url) throw invalidRequest('cancel_url cannot be used with ui_mode=embedded.', 'cancel_url');
    if (!p.return_url && p.redirect_on_completion !== 'never') throw missingParam('return_url');
    if (p.return_url && p.redirect_on_completion === 'never')
      throw invalidRequest('return_url cannot be used when redirect_on_completion is never.', 'return_url');
    if (p.after_expiration) throw invalidRequest('after_expiration is only available with ui_mode=hosted.', 'after_expiration');
  } else {
    if (p.return_url) throw invalidRequest('return_url can only be used with ui_mode=embedded; use success_url instead.', 'return_url');
    if (p.redirect_on_completion)
      throw invalidRequest('redirect_on_completion can only be used with ui_mode=embedded.', 'redirect_on_completion');
  }

  const lines = p.line_items ?? [];
  if (p.mode === 'setup') {
    if (lines.length) throw invalidRequest('line_items cannot be used in setup mode.', 'line_items');
    if (!p.currency) throw invalidRequest('currency is required in setup mode.', 'currency');
    if (p.optional_items?.length) throw invalidRequest('optional_items cannot be used in setup mode.', 'optional_items');
  } else if (!lines.length) {
    throw invalidRequest(`line_items is required in ${p.mode} mode.`, 'line_items', 'parameter_missing');
  }
  if (lines.length > 100) throw invalidRequest('At most 100 line items are allowed in a Checkout Session.', 'line_items');
  lines.forEach((line, i) => {
    const at = `line_items[${i}]`;
    if (!line.price === !line.price_data) throw invalidRequest(`Exactly one of price or price_data is required in ${at}.`, `${at}[price]`);
    if (line.price_data && !line.price_data.product === !line.price_data.product_data)
      throw invalidRequest(`Exactly one of product or product_data is required in ${at}[price_data].`, `${at}[price_data][product]`);
    if (line.price_data && (line.price_data.unit_amount === undefined) === (line.price_data.unit_amount_decimal === undefined))
      throw invalidRequest(
        `Exactly one of unit_amount or unit_amount_decimal is required in ${at}[price_data].`,
        `${at}[price_data][unit_amount]`,
      );
    if (line.quantity === undefined) throw missingParam(`${at}[quantity]`);
    checkAdjustable(line.adjustable_quantity, line.quantity, at);
    if (line.dynamic_tax_rates) throw notSupported(`${at}[dynamic_tax_rates]`, 'dynamic_tax_rates');
    if (p.automatic_tax?.enabled && line.tax_rates?.length) throw ratesWithAutomaticTax(at);
  });
  if (lines.length && lines.every((l) => l.quantity === 0))
    throw invalidRequest('At least one line item must have a quantity above 0.', 'line_items[0][quantity]');

  const optional = p.optional_items ?? [];
  if (optional.length > 10) throw invalidRequest('At most 10 optional_items are allowed.', 'optional_items');
  optional.forEach((item, i) => {
    checkAdjustable(item.adjustable_quantity, item.quantity, `optional_items[${i}]`);
  });

  if (p.customer && p.customer_email)
    throw invalidRequest(
      'You may only specify one of these parameters: customer, customer_email.',
      'customer_email',
      'parameters_exclusive',
    );
  if (p.customer_creation && p.mode === 'subscription')
    throw invalidRequest('customer_creation can only be used in payment and setup mode.', 'customer_creation');
  if (p.customer_creation && p.customer) throw invalidRequest('customer_creation cannot be used with customer.', 'customer_creation');
  if (p.customer_update && !p.customer) throw invalidRequest('customer_update can only be used with customer.', 'customer_update');

  if (p.allow_promotion_codes && p.discounts?.length)
    throw invalidRequest(
      'You may only specify one of these parameters: allow_promotion_codes, discounts.',
      'discounts',
      'parameters_exclusive',
    );
  if ((p.discounts?.length ?? 0) > 1) throw invalidRequest('You may only specify one discount.', 'discounts');
  p.discounts?.forEach((d, i) => {
    if (!d.coupon === !d.promotion_code)
      throw invalidRequest(`Exactly one of coupon or promotion_code is required in discounts[${i}].`, `discounts[${i}][coupon]`);
  });

  const shipping = p.shipping_options ?? [];
  if (shipping.length > 5) throw invalidRequest('At most 5 shipping_options are allowed.', 'shipping_options');
  if (shipping.length && p.mode !== 'payment')
    throw invalidRequest('shipping_options can only be used in payment mode.', 'shipping_options');
  shipping.forEach((s, i) => {
    if (!s.shipping_rate === !s.shipping_rate_data)
      throw invalidRequest(
        `Exactly one of shipping_rate or shipping_rate_data is required in shipping_options[${i}].`,
        `shipping_options[${i}][shipping_rate]`,
      );
  });

  checkCustomFields(p.custom_fields ?? []);

  if (p.submit_type && p.mode === 'setup') throw invalidRequest('submit_type cannot be used in setup mode.', 'submit_type');
  if (p.submit_type === 'subscribe' && p.mode !== 'subscription')
    throw invalidRequest('submit_type=subscribe can only be used in subscription mode.', 'submit_type');
  if (p.submit_type && p.submit_type !== 'auto' && p.submit_type !== 'subscribe' && p.mode === 'subscription')
    throw invalidRequest(`submit_type=${p.submit_type} can only be used in payment mode.`, 'submit_type');
  if (p.payment_intent_data && p.mode !== 'payment')
    throw invalidRequest('payment_intent_data can only be used in payment mode.', 'payment_intent_data');
  if (p.setup_intent_data && p.mode !== 'setup')
    throw invalidRequest('setup_intent_data can only be used in setup mode.', 'setup_intent_data');
  if (p.subscription_data && p.mode !== 'subscription')
    throw invalidRequest('subscription_data can only be used in subscription mode.', 'subscription_data');
  if (p.payment_method_collection && p.mode !== 'subscription')
    throw invalidRequest('payment_method_collection can only be used in subscription mode.', 'payment_method_collection');
  const sd = p.subscription_data;
  if (sd?.trial_end !== undefined && sd.trial_period_days !== undefined)
    throw invalidRequest(
      'You may only specify one of these parameters: trial_end, trial_period_days.',
      'subscription_data[trial_end]',
      'parameters_exclusive',
    );
  if (sd?.trial_end !== undefined && sd.trial_end < now + 48 * 3600)
    throw invalidRequest('subscription_data[trial_end] must be at least 48 hours in the future.', 'subscription_data[trial_end]');
  if (sd?.billing_cycle_anchor !== undefined && sd.billing_cycle_anchor <= now)
    throw invalidRequest('subscription_data[billing_cycle_anchor] must be in the future.', 'subscription_data[billing_cycle_anchor]');
  if (sd?.billing_cycle_anchor !== undefined && (sd.trial_end !== undefined || sd.trial_period_days !== undefined))
    throw invalidRequest(
      'subscription_data[billing_cycle_anchor] cannot be combined with a trial.',
      'subscription_data[billing_cycle_anchor]',
    );

  // SEPA debits settle after the session completes; Caisse does that for one-off payments only so far.
  if (p.payment_method_types?.includes('sepa_debit') && p.mode !== 'payment')
    throw notSupported('payment_method_types', `payment_method_types=sepa_debit in ${p.mode} mode`);

  if (p.expires_at !== undefined) {
    if (p.expires_at < now + MIN_EXPIRY_SECONDS || p.expires_at > now + MAX_EXPIRY_SECONDS)
      throw invalidRequest(
        'The `expires_at` timestamp must be between 30 minutes and 24 hours from Checkout Session creation.',
        'expires_at',
      );
  }
  if (p.phone_number_collection?.enabled === undefined && p.phone_number_collection) throw missingParam('phone_number_collection[enabled]');
}

function checkAdjustable(aq: { enabled: boolean; minimum?: number; maximum?: number } | undefined, quantity: number, at: string) {
  if (!aq) return;
  const min = aq.minimum ?? 0;
  const max = aq.maximum ?? 99;
  if (!aq.enabled && (aq.minimum !== undefined || aq.maximum !== undefined))
    throw invalidRequest(`${at}[adjustable_quantity] minimum and maximum need enabled=true.`, `${at}[adjustable_quantity][enabled]`);
  if (min > max)
    throw invalidRequest(`${at}[adjustable_quantity][minimum] must be at most maximum.`, `${at}[adjustable_quantity][minimum]`);
  if (aq.enabled && (quantity < min || quantity > max))
    throw invalidRequest(`${at}[quantity] must be between adjustable_quantity minimum (${min}) and maximum (${max}).`, `${at}[quantity]`);
}

function checkCustomFields(fields: NonNullable<CreateCheckoutSessionParams['custom_fields']>) {
  if (fields.length > 3) throw invalidRequest('At most 3 custom_fields are allowed.', 'custom_fields');
  const keys = new Set<string>();
  fields.forEach((f, i) => {
    const at = `custom_fields[${i}]`;
    if (keys.has(f.key)) throw invalidRequest(`Custom field keys must be unique: ${f.key}.`, `${at}[key]`);
    keys.add(f.key);
    if (f.type === 'dropdown' && !f.dropdown) throw missingParam(`${at}[dropdown]`);
    for (const kind of ['dropdown', 'numeric', 'text'] as const)
      if (f[kind] && f.type !== kind) throw invalidRequest(`${at}[${kind}] can only be used when type is ${kind}.`, `${at}[${kind}]`);
    const bounds = f.text ?? f.numeric;
    if (bounds?.minimum_length !== undefined && bounds.maximum_length !== undefined && bounds.minimum_length > bounds.maximum_length)
      throw invalidRequest(`${at} minimum_length must be at most maximum_length.`, `${at}[${f.type}][minimum_length]`);
    const defaultValue = f.dropdown?.default_value;
    if (defaultValue !== undefined && !f.dropdown?.options.some((o) => o.value === defaultValue))
      throw invalidRequest(`${at}[dropdown][default_value] must be one of the options' values.`, `${at}[dropdown][default_value]`);
  });
}

/** The account's allowed redirect domains, once it has set some: a customer is only ever sent to those hosts. */
export function checkRedirectUrls(
  p: Pick<CreateCheckoutSessionParams, 'success_url' | 'cancel_url' | 'return_url'>,
  allowed: readonly string[],
): void {
  const refused = firstDisallowedRedirect(p, allowed);
  if (refused)
    throw invalidRequest(
      refused.host
        ? `The ${refused.param} host ${refused.host} is not one of this account's allowed redirect domains. Add it in the dashboard (Custom domains) or use an allowed domain.`
        : `Invalid URL: ${refused.param} must be an absolute URL on one of this account's allowed redirect domains.`,
      refused.param,
    );
}

/** A line's own tax rates on a session whose automatic tax decides them. */
export const ratesWithAutomaticTax = (at: string) => taxRatesRefused(`${at}[tax_rates]`);

/** Tax rates named (`param`) where automatic tax decides the rates: a session's or a subscription's. */
export const taxRatesRefused = (param: string) =>
  invalidRequest(`${param} cannot be used with automatic_tax[enabled]=true: automatic tax decides the rates.`, param);
