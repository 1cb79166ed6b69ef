import type { SessionRow } from '@/db/queries/checkout-sessions';
import { presentAmount } from './adaptive-pricing';
import type { PageLine, SessionPageView } from './page-view';

/** Adaptive pricing on the page: what the customer's currency replaces, and what the page says about it. */
export type PresentmentView = { from: string; rate: string; originalTotal: number } | null;

/**
 * The page in the customer's currency (adaptive pricing): every amount converted at the session's locked
 * rate, the merchant's own total kept to show beside it. Display only: what is charged stays the session's
 * amount, and presentment_details reports the converted total.
 */
export function presentView(view: SessionPageView, session: Pick<SessionRow, 'currency' | 'adaptivePricing'>) {
  const presentment = session.adaptivePricing.presentment;
  if (!presentment) return { ...view, presentment: null as PresentmentView };
  const c = (amount: number) => presentAmount(amount, session, presentment);
  const line = (l: PageLine): PageLine => ({
    ...l,
    unitAmount: l.unitAmount === null ? null : c(l.unitAmount),
    amountSubtotal: c(l.amountSubtotal),
    amountTotal: c(l.amountTotal),
  });
  const t = view.totals;
  return {
    ...view,
    currency: presentment.currency,
    lines: view.lines.map(line),
    optionalItems: view.optionalItems.map(line),
    totals: { subtotal: c(t.subtotal), discount: c(t.discount), shipping: c(t.shipping), tax: c(t.tax), total: c(t.total) },
    automaticTax: view.automaticTax && { ...view.automaticTax, taxes: view.automaticTax.taxes.map((x) => ({ ...x, amount: c(x.amount) })) },
    shippingOptions: view.shippingOptions.map((o) => ({ ...o, amount: c(o.amount) })),
    recurring: view.recurring && { ...view.recurring, amount: c(view.recurring.amount) },
    discount: view.discount && { ...view.discount, amountOff: view.discount.amountOff === null ? null : c(view.discount.amountOff) },
    presentment: { from: view.currency, rate: presentment.rate, originalTotal: t.total } as PresentmentView,
  };
}
