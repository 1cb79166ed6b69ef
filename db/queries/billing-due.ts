import { and, asc, eq, inArray, isNull, lte, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Queryable } from '../client';
import { invoices, subscriptions } from '../schema';

/**
 * What billing work is due, for one clock: real time (`clock: null`, subscriptions and invoices on no
 * test clock) or a test clock's. Reads only: each item is then locked and re-checked by whoever applies it.
 */
export type BillingScope = { clock: string | null };

const RENEWING = ['active', 'trialing', 'past_due', 'unpaid'] as const;
/** customer.subscription.trial_will_end goes out this long before the trial ends, as Stripe's does. */
export const TRIAL_WILL_END_NOTICE_MS = 3 * 86_400_000;

const subsOn = (s: BillingScope): SQL | undefined =>
  s.clock === null ? isNull(subscriptions.testClockId) : eq(subscriptions.testClockId, s.clock);
const invoicesOn = (s: BillingScope): SQL | undefined =>
  s.clock === null ? isNull(invoices.testClockId) : eq(invoices.testClockId, s.clock);

// Exact hours, as the code that applies them counts (a day may not be 24 hours in the session's time zone).
const trialNotice = sql<Date>`${subscriptions.trialEnd} - interval '72 hours'`;
const trialNoticeDue = and(
  eq(subscriptions.status, 'trialing'),
  eq(subscriptions.trialWillEndSent, false),
  sql`${subscriptions.trialEnd} is not null`,
);
/** invoice.upcoming goes out this long before a renewal invoice, for periods longer than that (Stripe's "upcoming renewal events"). */
export const UPCOMING_NOTICE_MS = 7 * 86_400_000;
const upcomingNotice = sql<Date>`${subscriptions.currentPeriodEnd} - interval '168 hours'`;
const upcomingNoticeDue = and(
  inArray(subscriptions.status, [...RENEWING]),
  eq(subscriptions.cancelAtPeriodEnd, false),
  sql`(${subscriptions.cancelAt} is null or ${subscriptions.cancelAt} > ${subscriptions.currentPeriodEnd})`,
  sql`${subscriptions.upcomingAnnouncedFor} is distinct from ${subscriptions.currentPeriodEnd}`,
  sql`${upcomingNotice} > ${subscriptions.currentPeriodStart}`,
);
const cancelInPeriod = and(
  inArray(subscriptions.status, [...RENEWING]),
  sql`${subscriptions.cancelAt} is not null and ${subscriptions.cancelAt} < ${subscriptions.currentPeriodEnd}`,
);

type Due = { accountId: string; id: string };

export async function dueTrialNotices(db: Queryable, s: BillingScope & { now: Date; limit: number }): Promise<Due[]> {
  return db
    .select({ accountId: subscriptions.accountId, id: subscriptions.id })
    .from(subscriptions)
    .where(and(subsOn(s), trialNoticeDue, sql`${trialNotice} <= ${s.now.toISOString()}::timestamptz`))
    .orderBy(asc(subscriptions.trialEnd))
    .limit(s.limit);
}

export async function dueUpcomingNotices(db: Queryable, s: BillingScope & { now: Date; limit: number }): Promise<Due[]> {
  return db
    .select({ accountId: subscriptions.accountId, id: subscriptions.id })
    .from(subscriptions)
    .where(and(subsOn(s), upcomingNoticeDue, sql`${upcomingNotice} <= ${s.now.toISOString()}::timestamptz`))
    .orderBy(asc(subscriptions.currentPeriodEnd))
    .limit(s.limit);
}

export async function dueCancellations(db: Queryable, s: BillingScope & { now: Date; limit: number }): Promise<Due[]> {
  return db
    .select({ accountId: subscriptions.accountId, id: subscriptions.id })
    .from(subscriptions)
    .where(and(subsOn(s), cancelInPeriod, lte(subscriptions.cancelAt, s.now)))
    .orderBy(asc(subscriptions.cancelAt))
    .limit(s.limit);
}

export async function dueRenewals(db: Queryable, s: BillingScope & { now: Date; limit: number }): Promise<Due[]> {
  return db
    .select({ accountId: subscriptions.accountId, id: subscriptions.id })
    .from(subscriptions)
    .where(and(subsOn(s), inArray(subscriptions.status, [...RENEWING]), lte(subscriptions.currentPeriodEnd, s.now)))
    .orderBy(asc(subscriptions.currentPeriodEnd))
    .limit(s.limit);
}

export async function dueInvoiceAttempts(db: Queryable, s: BillingScope & { now: Date; limit: number }): Promise<Due[]> {
  return db
    .select({ accountId: invoices.accountId, id: invoices.id })
    .from(invoices)
    .where(and(invoicesOn(s), eq(invoices.status, 'open'), lte(invoices.nextPaymentAttempt, s.now)))
    .orderBy(asc(invoices.nextPaymentAttempt))
    .limit(s.limit);
}

/** Seconds since the epoch of the earliest value, as a number whatever the driver does with timestamps. */
const earliest = (value: SQLWrapper) => sql<number | null>`extract(epoch from min(${value}))::float8`;

/** The earliest moment anything is due on the clock (a notice of a trial's end or a renewal, a cancellation, a period end, a payment attempt), or null. */
export async function nextDueAt(db: Queryable, s: BillingScope): Promise<Date | null> {
  const [notice, upcoming, cancel, renewal, attempt] = await Promise.all([
    db
      .select({ at: earliest(trialNotice) })
      .from(subscriptions)
      .where(and(subsOn(s), trialNoticeDue)),
    db
      .select({ at: earliest(upcomingNotice) })
      .from(subscriptions)
      .where(and(subsOn(s), upcomingNoticeDue)),
    db
      .select({ at: earliest(subscriptions.cancelAt) })
      .from(subscriptions)
      .where(and(subsOn(s), cancelInPeriod)),
    db
      .select({ at: earliest(subscriptions.currentPeriodEnd) })
      .from(subscriptions)
      .where(and(subsOn(s), inArray(subscriptions.status, [...RENEWING]))),
    db
      .select({ at: earliest(invoices.nextPaymentAttempt) })
      .from(invoices)
      .where(and(invoicesOn(s), eq(invoices.status, 'open'))),
  ]);
  const seconds = [notice, upcoming, cancel, renewal, attempt].flatMap((rows) => {
    const at = rows.at(0)?.at;
    return at === null || at === undefined ? [] : [at];
  });
  return seconds.length ? new Date(Math.round(Math.min(...seconds) * 1000)) : null;
}
