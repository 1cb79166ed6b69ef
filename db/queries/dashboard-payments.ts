import { and, desc, eq, gt, inArray, isNotNull, lt, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../client';
import { charges, disputes, paymentIntents, refunds } from '../schema';
import type { DisputeRow } from './disputes';
import type { RefundRow } from './refunds';

/** The dashboard's payment filters (lib/dashboard/payment-status.ts PAYMENT_FILTERS; that file's paymentLabel is the same rule in TS). */
export type PaymentSearch = {
  status?: 'succeeded' | 'refunded' | 'partially_refunded' | 'disputed' | 'uncaptured';
  customer?: string;
};

const c = charges;

/** A charge that was taken and is not disputed: the succeeded, refunded and partially refunded tabs split these. */
const capturedUndisputed = and(eq(c.status, 'succeeded'), eq(c.captured, true), eq(c.disputed, false));

/** Its payment intent still waits for capture (the intent of a charge is the account's own: same account_id). */
const intentWaitsForCapture = sql`exists (select 1 from ${paymentIntents} where ${paymentIntents.id} = ${c.paymentIntentId} and ${paymentIntents.accountId} = ${c.accountId} and ${paymentIntents.status} = 'requires_capture')`;

function statusFilter(status: PaymentSearch['status']): SQL | undefined {
  switch (status) {
    case 'succeeded':
      return and(capturedUndisputed, eq(c.amountRefunded, 0));
    case 'refunded':
      return and(capturedUndisputed, gt(c.amountRefunded, 0), sql`${c.amountRefunded} >= ${c.amountCaptured}`);
    case 'partially_refunded':
      return and(capturedUndisputed, gt(c.amountRefunded, 0), lt(c.amountRefunded, c.amountCaptured));
    case 'disputed':
      return and(eq(c.status, 'succeeded'), eq(c.disputed, true));
    case 'uncaptured':
      return and(eq(c.status, 'succeeded'), eq(c.disputed, false), eq(c.captured, false), intentWaitsForCapture);
    case undefined:
      return undefined;
  }
}

/** The conditions on charges that a dashboard filter makes, for a page of them (lib/dashboard/payment-list.ts). */
export function paymentSearchFilters(f: PaymentSearch): (SQL | undefined)[] {
  return [statusFilter(f.status), f.customer ? eq(c.customerId, f.customer) : undefined];
}

export type ChargeIntentFacts = { id: string; status: (typeof paymentIntents.$inferSelect)['status']; checkoutSessionId: string | null };

/** The status and checkout session of the account's payment intents behind a page of charges. */
export async function intentFactsOf(db: Queryable, p: { accountId: string; ids: string[] }): Promise<ChargeIntentFacts[]> {
  if (p.ids.length === 0) return [];
  return db
    .select({ id: paymentIntents.id, status: paymentIntents.status, checkoutSessionId: paymentIntents.checkoutSessionId })
    .from(paymentIntents)
    .where(and(eq(paymentIntents.accountId, p.accountId), inArray(paymentIntents.id, p.ids)));
}

/** A charge's refunds, newest first. */
export async function refundsOfCharge(db: Queryable, p: { accountId: string; chargeId: string }): Promise<RefundRow[]> {
  return db
    .select()
    .from(refunds)
    .where(and(eq(refunds.accountId, p.accountId), eq(refunds.chargeId, p.chargeId)))
    .orderBy(desc(refunds.seq));
}

/** A charge's dispute once it has opened; one only announced by the processor (status null) is not there yet for the merchant. */
export async function openedDisputeOfCharge(db: Queryable, p: { accountId: string; chargeId: string }): Promise<DisputeRow | null> {
  const rows = await db
    .select()
    .from(disputes)
    .where(and(eq(disputes.accountId, p.accountId), eq(disputes.chargeId, p.chargeId), isNotNull(disputes.status)))
    .limit(1);
  return rows.at(0) ?? null;
}
