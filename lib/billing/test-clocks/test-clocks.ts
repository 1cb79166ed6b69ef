import { isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { endClockObjects, findTestClock, insertTestClock, setClockFields, startAdvance } from '@/db/queries/test-clocks';
import { testClocks } from '@/db/schema';
import type { AccountScope } from '@/db/scope';
import { ApiError, noSuchObject } from '@/lib/api/errors';
import { listPage } from '@/lib/api/list';
import { serializeDeletedTestClock, serializeTestClock } from '@/lib/api/serialize/test-clock';
import { recordEvent } from '@/lib/events/record-event';
import { newId } from '@/lib/util/ids';
import type { CreateTestClockParams, ListTestClocksParams } from '@/lib/validation/test-clocks';
import { runClockAdvance } from './advance-clock';
import { log, errorText } from '@/lib/log';

/** Stripe deletes a test clock 30 days after it was made. */
const LIFETIME_MS = 30 * 86_400_000;

async function clockOrThrow(db: Db, scope: AccountScope & { id: string }) {
  const clock = await findTestClock(db, { accountId: scope.accountId, id: scope.id });
  if (!clock) throw noSuchObject('test clock', scope.id);
  return clock;
}

export async function createTestClock(db: Db, scope: AccountScope, p: CreateTestClockParams) {
  return db.transaction(async (tx) => {
    const row = await insertTestClock(tx, {
      id: newId('clock'),
      accountId: scope.accountId,
      name: p.name ?? null,
      frozenTime: new Date(p.frozen_time * 1000),
      deletesAfter: new Date(Date.now() + LIFETIME_MS),
    });
    const object = serializeTestClock(row);
    await recordEvent(tx, { accountId: scope.accountId, type: 'test_helpers.test_clock.created', object, request: scope.request });
    return object;
  });
}

export async function retrieveTestClock(db: Db, scope: AccountScope & { id: string }) {
  return serializeTestClock(await clockOrThrow(db, scope));
}

export async function listTestClocks(db: Db, scope: AccountScope, p: ListTestClocksParams) {
  return listPage(db, testClocks, { accountId: scope.accountId, kind: 'test clock', params: p, filters: [isNull(testClocks.deletedAt)] });
}

/**
 * Moves the clock forward to `frozen_time`: answers at once with the clock `advancing`, then runs every
 * renewal, trial end, retry and cancellation due in between, in order (advance-clock.ts), and the clock
 * is `ready` again at its target. One advance at a time; never backwards.
 */
export async function advanceTestClock(db: Db, scope: AccountScope & { id: string }, frozenTime: number) {
  const clock = await clockOrThrow(db, scope);
  const to = new Date(frozenTime * 1000);
  if (clock.status !== 'ready')
    throw new ApiError({
      status: 400,
      type: 'invalid_request_error',
      message: `The test clock ${clock.id} is ${clock.status} and cannot be advanced until it is ready.`,
    });
  if (to <= clock.frozenTime)
    throw new ApiError({
      status: 400,
      type: 'invalid_request_error',
      param: 'frozen_time',
      message: 'The frozen_time must be after the test clock’s current frozen_time.',
    });
  const advancing = await db.transaction(async (tx) => {
    const started = await startAdvance(tx, { accountId: scope.accountId, id: scope.id, to });
    if (!started) return null;
    await recordEvent(tx, {
      accountId: scope.accountId,
      type: 'test_helpers.test_clock.advancing',
      object: serializeTestClock(started),
      request: scope.request,
    });
    return started;
  });
  if (!advancing)
    throw new ApiError({ status: 400, type: 'invalid_request_error', message: `The test clock ${clock.id} is already advancing.` });
  // The advance goes on after the answer; if this process dies, the billing job takes it over once its lease runs out.
  void runClockAdvance(db, advancing.id).catch((err: unknown) => {
    log().error({ error: errorText(err) }, 'a test clock advance failed');
    void setClockFields(db, { id: advancing.id, set: { status: 'internal_failure', leaseUntil: null } });
  });
  return serializeTestClock(advancing);
}

/** Deletes the clock with what lives on it, as Stripe does: its customers are deleted and their subscriptions end. */
export async function deleteTestClock(db: Db, scope: AccountScope & { id: string }) {
  await clockOrThrow(db, scope);
  return db.transaction(async (tx) => {
    const now = new Date();
    await endClockObjects(tx, { accountId: scope.accountId, clockId: scope.id, now });
    const deleted = await setClockFields(tx, { id: scope.id, set: { deletedAt: now } });
    if (deleted)
      await recordEvent(tx, {
        accountId: scope.accountId,
        type: 'test_helpers.test_clock.deleted',
        object: serializeTestClock(deleted),
        request: scope.request,
      });
    return serializeDeletedTestClock(scope.id);
  });
}
