import { count, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../client';
import { emails, webhookDeliveries } from '../schema';

export type QueueBacklog = { queue: string; pending: number; due: number; oldestDueSeconds: number };

type QueueTable = typeof webhookDeliveries | typeof emails;

async function backlogOf(db: Queryable, queue: string, t: QueueTable): Promise<QueueBacklog> {
  const due = sql`${t.nextAttemptAt} <= now()`;
  const [row] = await db
    .select({
      pending: count(),
      due: sql<number>`count(*) filter (where ${due})`.mapWith(Number),
      oldest: sql<string | null>`extract(epoch from now() - min(${t.nextAttemptAt}) filter (where ${due}))`,
    })
    .from(t)
    .where(eq(t.status, 'pending'));
  // An aggregate without GROUP BY answers one row, even over no rows.
  return { queue, pending: row.pending, due: row.due, oldestDueSeconds: Number(row.oldest ?? 0) };
}

/** The background queues' backlogs (webhook deliveries, emails), for metrics. */
export async function queueBacklogs(db: Queryable): Promise<QueueBacklog[]> {
  return Promise.all([backlogOf(db, 'webhooks', webhookDeliveries), backlogOf(db, 'emails', emails)]);
}
