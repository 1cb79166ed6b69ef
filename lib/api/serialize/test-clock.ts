import type { TestClockRow } from '@/db/queries/test-clocks';
import { unix } from '@/lib/util/time';

export function serializeTestClock(row: TestClockRow) {
  return {
    id: row.id,
    object: 'test_helpers.test_clock' as const,
    created: unix(row.createdAt),
    deletes_after: unix(row.deletesAfter),
    frozen_time: unix(row.frozenTime),
    livemode: row.livemode,
    name: row.name,
    status: row.status,
    status_details: row.status === 'advancing' && row.advancingTo ? { advancing: { target_frozen_time: unix(row.advancingTo) } } : {},
  };
}

export function serializeDeletedTestClock(id: string) {
  return { id, object: 'test_helpers.test_clock' as const, deleted: true as const };
}
