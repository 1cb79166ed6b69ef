import type { Queryable } from '@/db/client';
import type { SessionRow } from '@/db/queries/checkout-sessions';
import { listRedisplayableCards, lockPaymentMethod, type PaymentMethodRow } from '@/db/queries/payment-methods';
import type { AllowRedisplay } from '@/db/schema';
import { collectsPaymentMethod } from './confirm-config';

/** What the page shows of a saved card: never more than its brand, last four and expiry. */
export type SavedCardView = { id: string; brand: string; last4: string; expMonth: number; expYear: number };

/** At most this many saved cards are offered, newest first. */
const SHOWN = 5;

type SessionPart = Pick<
  SessionRow,
  'accountId' | 'customerId' | 'mode' | 'paymentMethodTypes' | 'savedPaymentMethodOptions' | 'paymentMethodCollection' | 'amountTotal'
>;

/** Stripe's rule: only methods whose allow_redisplay the session's filters name, `always` unless it says otherwise. */
export function redisplayFilters(session: Pick<SessionRow, 'savedPaymentMethodOptions'>): AllowRedisplay[] {
  return session.savedPaymentMethodOptions?.allow_redisplay_filters ?? ['always'];
}

/**
 * The saved cards a session's page offers: its customer's cards the filters allow, when the session takes a
 * card now (not a setup, which collects a new one). Another customer's never: they are read by the session's.
 */
export async function savedCardsFor(db: Queryable, session: SessionPart): Promise<PaymentMethodRow[]> {
  if (!session.customerId || session.mode === 'setup' || !session.paymentMethodTypes.includes('card') || !collectsPaymentMethod(session))
    return [];
  return listRedisplayableCards(db, {
    accountId: session.accountId,
    customerId: session.customerId,
    allow: redisplayFilters(session),
    limit: SHOWN,
  });
}

export const savedCardView = (m: PaymentMethodRow): SavedCardView | null =>
  m.card ? { id: m.id, brand: m.card.brand, last4: m.card.last4, expMonth: m.card.exp_month, expYear: m.card.exp_year } : null;

/** Whether the customer may remove a saved card from the page. */
export function offersRemove(session: Pick<SessionRow, 'savedPaymentMethodOptions'>): boolean {
  return session.savedPaymentMethodOptions?.payment_method_remove === 'enabled';
}

/** The saved card `id`, locked, if the session's page may still charge it: its customer's card, shown again under its filters. */
export async function stillOffered(db: Queryable, session: SessionPart, id: string): Promise<PaymentMethodRow | null> {
  const method = await lockPaymentMethod(db, { accountId: session.accountId, id });
  if (!method?.card || !session.customerId || method.customerId !== session.customerId) return null;
  return redisplayFilters(session).includes(method.allowRedisplay) ? method : null;
}
