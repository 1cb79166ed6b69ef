import type { Queryable } from '@/db/client';
import type { AccountScope } from '@/db/scope';
import { getRefundOrThrow } from '@/lib/api/get-or-throw';
import { serializeRefund } from '@/lib/api/serialize/refund';

export async function retrieveRefund(db: Queryable, scope: AccountScope & { id: string }) {
  return serializeRefund(await getRefundOrThrow(db, scope));
}
