import { eq } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { refunds } from '@/db/schema';
import type { AccountScope } from '@/db/scope';
import { createdFilter, listObject, listPage } from '@/lib/api/list';
import { serializeRefund } from '@/lib/api/serialize/refund';
import type { ListRefundsParams } from '@/lib/validation/refunds';

/** The account's refunds, newest first, of one charge or payment intent if asked. */
export async function listRefunds(db: Queryable, scope: AccountScope, p: ListRefundsParams, url = '/v1/refunds') {
  const { rows, hasMore } = await listPage(db, refunds, {
    accountId: scope.accountId,
    kind: 'refund',
    params: p,
    filters: [
      p.charge !== undefined ? eq(refunds.chargeId, p.charge) : undefined,
      p.payment_intent !== undefined ? eq(refunds.paymentIntentId, p.payment_intent) : undefined,
      ...createdFilter(refunds.createdAt, p.created),
    ],
  });
  return listObject(url, rows.map(serializeRefund), hasMore);
}

/** A charge's `refunds` when expanded: its 10 most recent refunds, as Stripe's, and where to page for more. */
export function chargeRefunds(db: Queryable, p: { accountId: string; chargeId: string }) {
  return listRefunds(db, { accountId: p.accountId }, { charge: p.chargeId, limit: 10 }, `/v1/refunds?charge=${p.chargeId}`);
}
