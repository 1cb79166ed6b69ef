import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import '@/lib/security/sealed-columns';
import { useCheckoutDatabase } from '@/lib/checkout/testing/checkout-db';
import { newId } from '@/lib/util/ids';
import { accounts, idempotencyKeys } from '@/db/schema';
import { claimIdempotencyKey, completeIdempotencyKey } from '@/db/queries/idempotency';

const db = useCheckoutDatabase('caisse_idempotency_q');

describe('idempotency keys (queries built once, with placeholders)', () => {
  it('a claimed key, completed, holds the response sealed at rest and readable through the queries', async () => {
    const accountId = newId('acct');
    await db().insert(accounts).values({ id: accountId, name: 'Shop' });
    const slot = { accountId, key: 'key-1' };
    expect(await claimIdempotencyKey(db(), { ...slot, requestHash: 'h1', staleAfterMs: 60_000 })).toBeNull();
    // Twice: the second call runs the query the first one built.
    for (const n of [1, 2]) {
      const key = `key-sealed-${n}`;
      expect(await claimIdempotencyKey(db(), { accountId, key, requestHash: 'h', staleAfterMs: 60_000 })).toBeNull();
      await completeIdempotencyKey(db(), { accountId, key, status: 200, body: `{"secret":"body ${n}"}` });
      const held = await claimIdempotencyKey(db(), { accountId, key, requestHash: 'h', staleAfterMs: 60_000 });
      expect(held).toMatchObject({ state: 'complete', responseStatus: 200, responseBody: `{"secret":"body ${n}"}` });
      // The column as stored, past its decoder.
      const stored = await db()
        .select({ body: sql<string>`response_body` })
        .from(idempotencyKeys)
        .where(and(eq(idempotencyKeys.accountId, accountId), eq(idempotencyKeys.key, key)));
      expect(stored[0]?.body).toBeTruthy();
      expect(stored[0]?.body).not.toContain('secret');
    }
    // The first claim still holds its own key: another request with different parameters is told so.
    expect(await claimIdempotencyKey(db(), { ...slot, requestHash: 'h2', staleAfterMs: 60_000 })).toMatchObject({
      requestHash: 'h1',
      state: 'in_flight',
    });
  });
});
