import { and, eq, exists, inArray, isNull, ne, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { subscriptionItems, subscriptions } from '@/db/schema';
import type { AccountScope } from '@/db/scope';
import { createdFilter, listObject, listPage } from '@/lib/api/list';
import type { ListSubscriptionsParams } from '@/lib/validation/subscriptions';
import { subscriptionObjects } from '../subscription-reads';

/** Stripe's status filter: none means every subscription not canceled; `ended` adds those that never started. */
function statusFilter(status: ListSubscriptionsParams['status']): SQL | undefined {
  if (status === undefined) return ne(subscriptions.status, 'canceled');
  if (status === 'all') return undefined;
  if (status === 'ended') return inArray(subscriptions.status, ['canceled', 'incomplete_expired']);
  return eq(subscriptions.status, status);
}

/** Subscriptions with a live item of the price (or of the plan, the same id). */
function billsPrice(db: Queryable, priceId: string): SQL {
  return exists(
    db
      .select({ one: sql`1` })
      .from(subscriptionItems)
      .where(
        and(
          eq(subscriptionItems.subscriptionId, subscriptions.id),
          eq(subscriptionItems.priceId, priceId),
          isNull(subscriptionItems.deletedAt),
        ),
      ),
  );
}

/**
 * GET /v1/subscriptions: the account's subscriptions, newest first. As Stripe's, the ones on a test clock
 * are left out unless the clock or the customer is named.
 */
export async function listSubscriptions(db: Queryable, scope: AccountScope, p: ListSubscriptionsParams) {
  const price = p.price ?? p.plan;
  const clock =
    p.test_clock !== undefined ? eq(subscriptions.testClockId, p.test_clock) : p.customer ? undefined : isNull(subscriptions.testClockId);
  const { rows, hasMore } = await listPage(db, subscriptions, {
    accountId: scope.accountId,
    kind: 'subscription',
    params: p,
    filters: [
      statusFilter(p.status),
      p.customer !== undefined ? eq(subscriptions.customerId, p.customer) : undefined,
      price !== undefined ? billsPrice(db, price) : undefined,
      p.plan !== undefined && p.price !== undefined ? billsPrice(db, p.plan) : undefined,
      clock,
      // Every Caisse subscription is charged automatically, without automatic tax.
      p.collection_method === 'send_invoice' || p.automatic_tax?.enabled ? sql`false` : undefined,
      ...createdFilter(subscriptions.createdAt, p.created),
      ...createdFilter(subscriptions.currentPeriodEnd, p.current_period_end),
      ...createdFilter(subscriptions.currentPeriodStart, p.current_period_start),
    ],
  });
  return listObject('/v1/subscriptions', await subscriptionObjects(db, scope.accountId, rows), hasMore);
}
