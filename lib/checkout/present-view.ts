import type { SessionRow } from '@/db/queries/checkout-sessions';
import { convertParts } from '@/lib/fx/convert';
import { presentAmount, type Presentment } from './adaptive-pricing';
import type { PageLine, SessionPageView } from './page-view';

/** Adaptive pricing on the page: what the customer's currency replaces, and what the page says about it. */
export type PresentmentView = { from: string; rate: string; originalTotal: number } | null;

/**
 * The page in the customer's currency (adaptive pricing): every amount converted at the session's locked
 * rate, the merchant's own total kept to show beside it. Display only: what is charged stays the session's
 * amount, and presentment_details reports the converted total. What adds up on the page still adds up: the
 * rows to the total (the converted total, the amount charged), the lines to the subtotal, the tax rows to the tax
 * (convertParts shares each sum's rounding among its parts).
 */
export function presentView(view: SessionPageView, session: Pick<SessionRow, 'currency' | 'adaptivePricing'>) {
  const presentment = session.adaptivePricing.presentment;
  if (!presentment) return { ...view, presentment: null as PresentmentView };
  const c = (amount: number) => presentAmount(amount, session, presentment);
  const t = view.totals;
  const totals = presentTotals(view, presentment, c);
  const subtotals = sharedOrEach(
    view.lines.map((l) => l.amountSubtotal),
    t.subtotal,
    totals.subtotal,
    view.currency,
    presentment,
    c,
  );
  const line = (l: PageLine, subtotal = c(l.amountSubtotal)): PageLine => ({
    ...l,
    unitAmount: l.unitAmount === null ? null : c(l.unitAmount),
    amountSubtotal: subtotal,
    amountTotal: c(l.amountTotal),
  });
  const taxes = view.automaticTax?.taxes ?? [];
  const taxAmounts = sharedOrEach(
    taxes.map((x) => x.amount),
    t.tax,
    totals.tax,
    view.currency,
    presentment,
    c,
  );
  return {
    ...view,
    currency: presentment.currency,
    lines: view.lines.map((l, i) => line(l, subtotals[i])),
    optionalItems: view.optionalItems.map((l) => line(l)),
    totals,
    automaticTax: view.automaticTax && { ...view.automaticTax, taxes: taxes.map((x, i) => ({ ...x, amount: taxAmounts[i] })) },
    // The option chosen shows what the shipping row does.
    shippingOptions: view.shippingOptions.map((o) => ({
      ...o,
      amount: o.id === view.selectedShippingRateId ? totals.shipping : c(o.amount),
    })),
    recurring: view.recurring && { ...view.recurring, amount: c(view.recurring.amount) },
    discount: view.discount && { ...view.discount, amountOff: view.discount.amountOff === null ? null : c(view.discount.amountOff) },
    presentment: { from: view.currency, rate: presentment.rate, originalTotal: t.total } as PresentmentView,
  };
}

/**
 * The totals' rows converted so that subtotal − discount + shipping + the tax added on top make the converted
 * total. Tax included in prices is not part of that sum: it is converted on its own.
 */
function presentTotals(view: SessionPageView, presentment: Presentment, convert: (amount: number) => number) {
  const t = view.totals;
  const taxOnTop = t.total - t.subtotal + t.discount - t.shipping;
  const [subtotal, minusDiscount, shipping, taxAdded] = convertParts(
    [t.subtotal, -t.discount, t.shipping, taxOnTop],
    view.currency,
    presentment.currency,
    presentment.rate,
  );
  const total = subtotal + minusDiscount + shipping + taxAdded;
  return { subtotal, discount: 0 - minusDiscount, shipping, tax: taxOnTop === t.tax ? taxAdded : convert(t.tax), total };
}

/** `parts` converted to add up to `sharedTotal` when in the session's currency they add up to `total`; else each on its own. */
function sharedOrEach(
  parts: number[],
  total: number,
  sharedTotal: number,
  currency: string,
  presentment: Presentment,
  convert: (amount: number) => number,
): number[] {
  const adds = parts.length > 0 && parts.reduce((a, b) => a + b, 0) === total;
  return adds ? convertParts(parts, currency, presentment.currency, presentment.rate, sharedTotal) : parts.map(convert);
}
