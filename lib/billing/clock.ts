import type { Queryable } from '@/db/client';
import { findTestClock } from '@/db/queries/test-clocks';

/**
 * What time it is for a subscription or invoice: its test clock's frozen time when it has one (a clock
 * only moves when the merchant advances it), real time otherwise.
 */
export async function billingNow(
  db: Queryable,
  of: { accountId: string; testClockId: string | null },
  realNow = new Date(),
): Promise<Date> {
  if (!of.testClockId) return realNow;
  const clock = await findTestClock(db, { accountId: of.accountId, id: of.testClockId });
  return clock?.frozenTime ?? realNow;
}
