import type { Db } from '@/db/client';
import { insertLineItems } from '@/db/queries/checkout-line-items';
import { invalidRequest } from '@/lib/api/errors';
import { initialMetadata } from '@/lib/api/params';
import { computeTotals } from '@/lib/pricing/compute-totals';
import { newId, newSessionId, randomBase62 } from '@/lib/util/ids';
import { unix } from '@/lib/util/time';
import type { CreateCheckoutSessionParams } from '@/lib/validation/checkout-sessions';
import { insertSession, type SessionRow } from '@/db/queries/checkout-sessions';
import { sessionHostSettings } from '@/db/queries/custom-domains';
import { checkoutOriginOf } from '@/lib/domains/checkout-origin';
import type { AmountCulprit } from '@/lib/pricing/amount-limit';
import { automaticTaxAtCreation, linesValue } from './automatic-tax';
import { withinChargeLimit } from './charge-limit';
import { checkBillingCycleAnchor, sessionFirstPeriod } from './first-period';
import { buildPricingInput } from './pricing-input';
import { recurringAmount } from './recurring-amount';
import { reprice } from './reprice';
import { pricingColumns, zeroLineAmounts } from './pricing-columns';
import { resolveCustomer, resolveDiscount, resolveShippingOptions } from './resolve-extras';
import { resolveLineItems, type ResolvedLine } from './resolve-line-items';
import { checkCreateRules, checkRedirectUrls, MAX_EXPIRY_SECONDS } from './session-rules';
import { isEmbedded } from './ui-mode';
import { sessionColumnsFromParams } from './session-settings';
import { createSessionSetupIntent } from './setup-intent-steps';
import type { AccountScope } from '@/db/scope';

/** Creates a Checkout Session: every reference checked, totals priced, all rows in one transaction. Returns its id. */
export async function createSession(db: Db, scope: AccountScope, p: CreateCheckoutSessionParams, now = new Date()): Promise<string> {
  return (await createSessionRow(db, scope, p, now)).id;
}

/** A created session's row, and the origin its hosted page lives on (APP_URL or the account's custom domain). */
export type CreatedSessionRow = SessionRow & { checkoutOrigin: string };

/** Where a session comes from when Caisse itself makes it: the customer portal's "Add a card" (portal-add-card.ts). */
export type SessionMadeByCaisse = { portalSessionId: string };

/**
 * The same, returning the stored row (the API serializes it without reading it again). `madeBy`: Caisse's own
 * session, whose redirects lead back to Caisse's pages (so the account's redirect allowlist does not apply).
 */
export async function createSessionRow(
  db: Db,
  scope: AccountScope,
  p: CreateCheckoutSessionParams,
  now = new Date(),
  madeBy?: SessionMadeByCaisse,
): Promise<CreatedSessionRow> {
  checkCreateRules(p, unix(now));
  const uiMode = (p.ui_mode ?? 'hosted_page') as 'hosted' | 'embedded' | 'hosted_page' | 'embedded_page';
  return db.transaction(async (tx) => {
    const hostSettings = await sessionHostSettings(tx, scope.accountId);
    if (!madeBy) checkRedirectUrls(p, hostSettings.allowedRedirectDomains);
    const { lines, currency } = await resolveLineItems(tx, scope.accountId, p);
    // SEPA Direct Debit moves euros only; the currency is known once the prices are read.
    if (p.payment_method_types?.includes('sepa_debit') && currency !== 'eur')
      throw invalidRequest(
        `The payment method type sepa_debit is invalid for currency ${currency ?? 'none'}: it supports eur only.`,
        'payment_method_types',
      );
    const customer = await resolveCustomer(tx, scope.accountId, p.customer);
    const shippingOptions = await resolveShippingOptions(tx, scope.accountId, p.shipping_options, currency);
    const shipping = shippingOptions.at(0)?.rate ?? null;
    const selected = lines.filter((l) => l.selected);
    const bought = selected.map((l) => ({ key: l.id, price: l.price, quantity: l.quantity, taxRates: l.taxRates }));
    checkBillingCycleAnchor(p.mode, p.subscription_data, bought, now);
    const firstPeriod = sessionFirstPeriod(p.mode, p.subscription_data, bought, now);
    const paramOf = culpritParam(lines);
    const total = (input: Parameters<typeof buildPricingInput>[0]) =>
      withinChargeLimit(input.currency, 'total', paramOf, () => computeTotals(buildPricingInput(input)));

    // The discount first: it falls on the prices as they are, whatever the tax, and automatic tax weighs the goods after it.
    let discount = null;
    if (currency && p.discounts?.length) {
      const subtotal = total({ currency, lines: bought, discount: null, shipping: null, firstPeriod }).amountSubtotal;
      discount = await resolveDiscount(tx, scope.accountId, p.discounts, { currency, subtotal, customerId: customer?.id ?? null, now });
    }
    const automatic =
      p.automatic_tax?.enabled && currency
        ? await automaticTaxAtCreation(tx, {
            accountId: scope.accountId,
            currency,
            lines,
            shipping,
            customer,
            customerUpdate: p.customer_update,
            at: now,
            values: () =>
              withinChargeLimit(currency, 'total', paramOf, () =>
                linesValue({ currency, lines: bought, discount, shipping: null, firstPeriod }),
              ),
          })
        : null;
    const priced = automatic ? bought.map((l) => ({ ...l, taxRates: automatic.lines.get(l.key) ?? [] })) : bought;
    const shippingTaxRates = automatic?.shipping;
    const shippingShares = automatic?.shippingShares;
    const result =
      currency && lines.length
        ? total({ currency, lines: priced, discount, shipping, shippingTaxRates, shippingShares, firstPeriod })
        : null;
    // What later periods cost must be chargeable too, even when a trial makes today free.
    if (currency)
      withinChargeLimit(currency, 'recurring', paramOf, () =>
        recurringAmount({ currency, mode: p.mode, lines: priced, discount, subscriptionData: p.subscription_data, now }),
      );
    const columns = result
      ? pricingColumns(result, new Map(discount ? [[discount.coupon.id, discount.id]] : []), shipping?.id ?? null)
      : null;

    const id = newSessionId();
    // A setup session saves its method through a SetupIntent, made with it (Stripe shows it on the session at once).
    const setupIntentId = p.mode === 'setup' ? newId('seti') : null;
    const row = await insertSession(tx, {
      id,
      accountId: scope.accountId,
      metadata: initialMetadata(p.metadata),
      createdAt: now,
      // A session anchored to a billing date can no longer be paid once that date has come (first-period.ts).
      expiresAt: new Date(
        Math.min(p.expires_at ?? unix(now) + MAX_EXPIRY_SECONDS, p.subscription_data?.billing_cycle_anchor ?? Infinity) * 1000,
      ),
      mode: p.mode,
      uiMode,
      currency,
      amountSubtotal: columns?.session.amountSubtotal ?? null,
      amountTotal: columns?.session.amountTotal ?? null,
      totalDetails: columns?.session.totalDetails ?? null,
      shippingCost: columns?.session.shippingCost ?? null,
      paymentStatus: p.mode === 'setup' || (p.mode === 'payment' && result?.amountTotal === 0) ? 'no_payment_required' : 'unpaid',
      clientSecret: isEmbedded(uiMode) ? `${id}_secret_${randomBase62(24)}` : null,
      customerId: customer?.id ?? null,
      customerEmail: p.customer_email ?? null,
      discounts: discount ? [{ id: discount.id, coupon: discount.coupon.id, promotion_code: discount.promotionCodeId }] : [],
      shippingOptions: shippingOptions.map((o) => ({ shipping_rate: o.rate.id, shipping_amount: o.amount })),
      shippingRateId: shipping?.id ?? null,
      ...sessionColumnsFromParams(p),
      automaticTax: automatic ? { enabled: true, status: automatic.status } : { enabled: false },
      adaptivePricing: { enabled: p.adaptive_pricing?.enabled ?? false },
      setupIntentId,
      portalSessionId: madeBy?.portalSessionId ?? null,
    });
    if (setupIntentId)
      await createSessionSetupIntent(tx, scope, {
        id: setupIntentId,
        sessionId: id,
        customerId: customer?.id ?? null,
        description: p.setup_intent_data?.description ?? null,
        metadata: initialMetadata(p.setup_intent_data?.metadata),
        paymentMethodTypes: row.paymentMethodTypes,
        now,
      });
    await insertLineItems(
      tx,
      lines.map((l) => ({
        id: l.id,
        sessionId: id,
        accountId: scope.accountId,
        position: l.position,
        optional: l.optional,
        selected: l.selected,
        priceId: l.price.id,
        productId: l.product.id,
        quantity: l.quantity,
        adjustableQuantity: l.adjustableQuantity,
        taxRateIds: l.taxRates.map((t) => t.id),
        description: l.product.name,
        metadata: l.metadata,
        ...(columns?.lines.get(l.id) ?? zeroLineAmounts),
      })),
    );
    // Adaptive pricing: a Customer's country already gives the currency to show (and locks its rate).
    const created = row.adaptivePricing.enabled ? await reprice(tx, row) : row;
    return { ...created, checkoutOrigin: checkoutOriginOf(hostSettings.checkoutDomain) };
  });
}

/**
 * The parameter behind what took a new session over the limit: the line's
 * quantity (its price, when one unit alone is too much), or the shipping
 * option selected at creation, the first.
 */
function culpritParam(lines: ResolvedLine[]) {
  return (culprit: AmountCulprit): string => {
    if (culprit.kind === 'shipping') return 'shipping_options[0]';
    const line = lines.find((l) => l.id === culprit.key);
    if (!line) return 'line_items';
    if (line.quantity > 1) return `${line.param}[quantity]`;
    return line.price.inline ? `${line.param}[price_data][unit_amount]` : `${line.param}[price]`;
  };
}
