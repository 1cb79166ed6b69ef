import type { Tx } from '@/db/client';
import { updateSessionFields, type SessionRow } from '@/db/queries/checkout-sessions';
import type { StoredTaxInputs } from '@/db/schema/checkout-json';
import { reprice } from './reprice';

/**
 * Whether the session was priced for these tax inputs: the same country and state, the same tax IDs. The
 * postal code is kept but decides nothing (rates are by country and state; lib/tax has no local rates).
 */
export function sameTaxInputs(stored: StoredTaxInputs | null | undefined, given: StoredTaxInputs): boolean {
  if (!stored) return false;
  const place = (i: StoredTaxInputs) => [i.location?.country ?? '', i.location?.state ?? ''].join('/');
  const ids = (i: StoredTaxInputs) => i.tax_ids.map((t) => `${t.type}:${t.value}`).join(',');
  return place(stored) === place(given) && ids(stored) === ids(given);
}

/** Records what the customer told the page about where they are, and reprices the locked session for it. */
export async function setTaxInputs(tx: Tx, session: SessionRow, inputs: StoredTaxInputs): Promise<SessionRow> {
  const updated = await updateSessionFields(tx, {
    accountId: session.accountId,
    id: session.id,
    set: { automaticTax: { ...session.automaticTax, inputs } },
  });
  return reprice(tx, updated);
}

/** The total the page shows, and in which currency: posted back with the pay form (`shown_total`) so a payment is for it. */
export function shownTotalOf(session: Pick<SessionRow, 'amountTotal' | 'currency' | 'adaptivePricing'>): string {
  return `${session.amountTotal ?? 0}:${shownCurrencyOf(session)}`;
}

/** The currency the page shows: the session's (its own, or the customer's from the merchant's prices), or converted into. */
export function shownCurrencyOf(session: Pick<SessionRow, 'currency' | 'adaptivePricing'>): string {
  return session.adaptivePricing.presentment?.currency ?? session.currency ?? '';
}
