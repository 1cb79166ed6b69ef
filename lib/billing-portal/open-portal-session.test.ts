import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useOwnDatabase } from '@/e2e/support/own-database';
import type { Db } from '@/db/client';

let db: Db;
let drop: () => Promise<void> = async () => {};
beforeAll(async () => {
  drop = await useOwnDatabase('caisse_portal_open');
  db = await (await import('@/db/client')).getDb();
});
afterAll(() => drop());

const MIN = 60_000;
const T0 = new Date('2026-03-01T10:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * MIN);

/** A session created at T0 with a known token; only its hash is stored. */
async function session(token = 'tok'.padEnd(43, 'x')) {
  const { insertPortalSession } = await import('@/db/queries/billing-portal-sessions');
  const { hashPortalToken } = await import('./portal-sessions');
  const { newId } = await import('@/lib/util/ids');
  const row = await insertPortalSession(db, {
    id: newId('bps'),
    accountId: 'acct_test',
    createdAt: T0,
    customerId: 'cus_test',
    configurationId: 'bpc_test',
    tokenHash: hashPortalToken(token),
  });
  expect(row.tokenHash).not.toContain(token);
  return { id: row.id, token };
}

const open = async (s: { id: string; token: string }, now: Date) =>
  (await import('./open-portal-session')).openPortalSession(db, { id: s.id, token: s.token, now });

describe('opening a portal session', () => {
  it('opened within 5 minutes → usable for an hour from that first opening, then never again', async () => {
    const s = await session();
    expect((await open(s, at(4)))?.openedAt).toEqual(at(4));
    // A later opening does not move the hour.
    expect((await open(s, at(30)))?.openedAt).toEqual(at(4));
    expect(await open(s, at(63.9))).not.toBeNull();
    expect(await open(s, at(64))).toBeNull();
    expect(await open(s, at(200))).toBeNull();
  });

  it('never opened within 5 minutes → expired for good', async () => {
    const s = await session();
    expect(await open(s, at(5))).toBeNull();
    expect(await open(s, at(6))).toBeNull();
  });

  it('a wrong token or an unknown id → null, and the session is not marked opened', async () => {
    const s = await session();
    expect(await open({ id: s.id, token: 'nope' }, at(1))).toBeNull();
    expect(await open({ id: s.id, token: `${s.token.slice(0, -1)}y` }, at(1))).toBeNull();
    expect(await open({ id: 'bps_unknown', token: s.token }, at(1))).toBeNull();
    expect(await open({ id: 'x'.repeat(300), token: s.token }, at(1))).toBeNull();
    expect((await open(s, at(2)))?.openedAt).toEqual(at(2));
  });

  it('two first openings at once → both usable, one opening time', async () => {
    const s = await session();
    const [a, b] = await Promise.all([open(s, at(1)), open(s, at(2))]);
    expect(a?.openedAt).toBeDefined();
    expect(a?.openedAt).toEqual(b?.openedAt);
  });
});
