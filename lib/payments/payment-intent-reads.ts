import { eq, gt } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { findPaymentIntent, type PaymentIntentRow } from '@/db/queries/payment-intents';
import { paymentIntents } from '@/db/schema';
import { noSuchObject } from '@/lib/api/errors';
import { createdFilter, listObject, listPage } from '@/lib/api/list';
import { serializePaymentIntent } from '@/lib/api/serialize/payment-intent';
import type { ListPaymentIntentsParams } from '@/lib/validation/payment-intents';
import type { AccountScope } from '@/db/scope';

// A checkout attempt that charges nothing (setup mode, a free order) keeps an
// internal intent as its lock; Stripe has no zero-amount payment intents, so
// the API does not show them.
const charged = gt(paymentIntents.amount, 0);

/** One of the account's intents as the API shows it: a zero-amount one does not exist (404 resource_missing on `param`). */
export async function shownIntentOrThrow(db: Queryable, scope: AccountScope & { id: string }, param = 'id'): Promise<PaymentIntentRow> {
  const row = await findPaymentIntent(db, { accountId: scope.accountId, id: scope.id });
  if (!row || row.amount === 0) throw noSuchObject('payment_intent', scope.id, param);
  return row;
}

export async function retrievePaymentIntent(db: Queryable, scope: AccountScope & { id: string }) {
  return serializePaymentIntent(await shownIntentOrThrow(db, scope));
}

export async function listPaymentIntents(db: Queryable, scope: AccountScope, p: ListPaymentIntentsParams) {
  const { rows, hasMore } = await listPage(db, paymentIntents, {
    accountId: scope.accountId,
    kind: 'payment_intent',
    params: p,
    filters: [
      charged,
      p.customer ? eq(paymentIntents.customerId, p.customer) : undefined,
      ...createdFilter(paymentIntents.createdAt, p.created),
    ],
  });
  return listObject('/v1/payment_intents', rows.map(serializePaymentIntent), hasMore);
}
