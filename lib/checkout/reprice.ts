import type { Tx } from '@/db/client';
import { pricesByIds, shippingRatesByIds, taxRatesByIds, type ShippingRateRow } from '@/db/queries/checkout-refs';
import { findCoupon } from '@/db/queries/coupons';
import { findCustomer } from '@/db/queries/customers';
import { updateLineItemFields } from '@/db/queries/checkout-line-items';
import { sessionLineItems, updateSessionFields, type LineItemRow, type SessionRow } from '@/db/queries/checkout-sessions';
import { computeTotals } from '@/lib/pricing/compute-totals';
import { present } from '@/lib/util/present';
import { sessionFirstPeriod } from './first-period';
import { buildPricingInput, shippingAmountIn } from './pricing-input';
import { pricingColumns, zeroLineAmounts } from './pricing-columns';
import { recurringAmount } from './recurring-amount';
import { linesValue, sessionAutomaticTax } from './automatic-tax';
import { adaptiveCurrency } from './adaptive-pricing';

/**
 * Recomputes and stores every amount of an open session from its current
 * lines, discount and selected shipping rate. The only writer of amounts
 * after creation: API updates and the hosted page both end here. Throws
 * AmountTooLargeError (nothing written) when the cart would cost more than the
 * currency can be charged, today or in later periods.
 */
export async function repriceSession(tx: Tx, session: SessionRow, lines: LineItemRow[]): Promise<SessionRow> {
  const accountId = session.accountId;
  if (!session.currency) return session;
  const adaptive = session.adaptivePricing.enabled;
  const selected = lines.filter((l) => l.selected && l.quantity > 0);
  const applied = session.discounts.at(0);
  const selectedRate = session.shippingRateId ? [session.shippingRateId] : [];
  // Adaptive pricing reads every line's price and every shipping option: each must have the customer's currency.
  // The Customer once, for both: where they are decides their currency and their tax.
  const readsCustomer = (adaptive || session.automaticTax.enabled) && session.customerId !== null;
  const [priceMap, taxMap, shippingMap, coupon, customer] = await Promise.all([
    pricesByIds(
      tx,
      accountId,
      (adaptive ? lines : selected).map((l) => l.priceId),
    ),
    taxRatesByIds(
      tx,
      accountId,
      selected.flatMap((l) => l.taxRateIds),
    ),
    shippingRatesByIds(tx, accountId, adaptive ? [...selectedRate, ...session.shippingOptions.map((o) => o.shipping_rate)] : selectedRate),
    applied ? findCoupon(tx, { accountId, id: applied.coupon }) : Promise.resolve(null),
    readsCustomer ? findCustomer(tx, { accountId, id: present(session.customerId, 'the customer') }) : Promise.resolve(null),
  ]);
  const now = new Date();
  // Adaptive pricing: the customer's currency for where they are now, from the merchant's prices or at a locked rate.
  const shown = adaptive
    ? await adaptiveCurrency(tx, session, {
        prices: [...priceMap.values()],
        shippingRates: [...shippingMap.values()],
        coupon,
        customer,
        now,
      })
    : null;
  const currency = shown?.currency ?? session.currency;
  const shipping = session.shippingRateId ? (shippingMap.get(session.shippingRateId) ?? null) : null;
  const bought = selected.map((l) => ({
    key: l.id,
    price: present(priceMap.get(l.priceId), `price ${l.priceId} of line item ${l.id}`),
    line: l,
  }));
  const asGiven = bought.map(({ key, price, line }) => ({
    key,
    price,
    quantity: line.quantity,
    taxRates: line.taxRateIds.flatMap((id) => taxMap.get(id) ?? []),
  }));
  const discount = applied && coupon ? { id: applied.id, coupon, promotionCodeId: applied.promotion_code } : null;
  // Prorated from the session's creation, as when it was created: the amount shown stays the amount charged.
  const firstPeriod = sessionFirstPeriod(session.mode, session.subscriptionData, asGiven, session.createdAt);
  // Automatic tax decides every rate from where the customer is; otherwise each line keeps the rates it was given.
  const automatic = session.automaticTax.enabled
    ? await sessionAutomaticTax(
        tx,
        { ...session, currency },
        {
          lines: bought,
          shipping,
          customer,
          at: now,
          values: () => linesValue({ currency, lines: asGiven, discount, shipping: null, firstPeriod }),
        },
      )
    : null;
  const priced = automatic ? asGiven.map((l) => ({ ...l, taxRates: automatic.lines.get(l.key) ?? [] })) : asGiven;
  const result = computeTotals(
    buildPricingInput({
      currency,
      lines: priced,
      discount,
      shipping,
      shippingTaxRates: automatic?.shipping,
      shippingShares: automatic?.shippingShares,
      firstPeriod,
    }),
  );
  // Later periods must stay chargeable as well (AmountTooLargeError, like the total).
  recurringAmount({ currency, mode: session.mode, lines: priced, discount, subscriptionData: session.subscriptionData, now });
  const columns = pricingColumns(result, new Map(applied ? [[applied.coupon, applied.id]] : []), shipping?.id ?? null);
  for (const line of lines) {
    const amounts = columns.lines.get(line.id) ?? zeroLineAmounts;
    if (
      line.amountTotal !== amounts.amountTotal ||
      line.amountSubtotal !== amounts.amountSubtotal ||
      line.amountTax !== amounts.amountTax ||
      line.amountDiscount !== amounts.amountDiscount ||
      JSON.stringify(line.taxes) !== JSON.stringify(amounts.taxes) ||
      JSON.stringify(line.discounts) !== JSON.stringify(amounts.discounts)
    )
      await updateLineItemFields(tx, { accountId, id: line.id, set: amounts });
  }
  const paymentStatus = session.mode === 'payment' ? (result.amountTotal === 0 ? 'no_payment_required' : 'unpaid') : session.paymentStatus;
  return updateSessionFields(tx, {
    accountId,
    id: session.id,
    set: {
      ...columns.session,
      paymentStatus,
      // Adaptive pricing: the currency chosen prices the shipping options as well.
      ...(shown && { ...shown, shippingOptions: shippingOptionsIn(session.shippingOptions, shippingMap, currency) }),
      ...(automatic && { automaticTax: { ...session.automaticTax, status: automatic.status } }),
    },
  });
}

/** A session's shipping options with their amounts in `currency` (each has one: adaptive-pricing.ts manualCurrency). */
function shippingOptionsIn(options: SessionRow['shippingOptions'], rates: Map<string, ShippingRateRow>, currency: string) {
  return options.map((o) => {
    const rate = present(rates.get(o.shipping_rate), `shipping rate ${o.shipping_rate}`);
    return { ...o, shipping_amount: present(shippingAmountIn(rate, currency), `${rate.id}'s amount in ${currency}`) };
  });
}

/** Reprices a locked session from the lines stored for it. */
export async function reprice(tx: Tx, session: SessionRow): Promise<SessionRow> {
  const rows = await sessionLineItems(tx, { accountId: session.accountId, sessionId: session.id, includeUnselected: true });
  return repriceSession(
    tx,
    session,
    rows.map((r) => r.line),
  );
}
