import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useOwnDatabase } from '@/e2e/support/own-database';
import type { Db } from '@/db/client';
import { acceptSolution, counterRange, newChallenge, PROOF_OF_WORK } from './proof-of-work';

let db: Db;
let drop: () => Promise<void> = async () => {};
beforeAll(async () => {
  drop = await useOwnDatabase('caisse_pow');
  db = await (await import('@/db/client')).getDb();
});
afterAll(() => drop());

async function solved(scope: string, level: number) {
  const challenge = await newChallenge({ scope, level });
  const solution = await solveChallenge({ challenge, deriveKey });
  if (!solution) throw new Error('no solution');
  return { challenge, solution, payload: Buffer.from(JSON.stringify({ challenge, solution })).toString('base64') };
}

describe('proof-of-work', () => {
  it('each level draws its counter from a range twice as far, so the work has a floor that doubles', () => {
    expect(counterRange(1)).toEqual([PROOF_OF_WORK.baseCounter, 2 * PROOF_OF_WORK.baseCounter]);
    expect(counterRange(2)).toEqual([2 * PROOF_OF_WORK.baseCounter, 4 * PROOF_OF_WORK.baseCounter]);
    expect(counterRange(99)).toEqual(counterRange(PROOF_OF_WORK.maxLevel));
  });

  it('a solution is accepted once, for its own scope, at its level or below', async () => {
    const { solution, payload } = await solved('cs_test_a', 1);
    // The solver had to try at least the level's floor of keys.
    expect(solution.counter).toBeGreaterThanOrEqual(counterRange(1)[0]);
    expect(await acceptSolution(db, { scope: 'cs_test_b', level: 1, payload })).toBe(false);
    expect(await acceptSolution(db, { scope: 'cs_test_a', level: 2, payload })).toBe(false);
    expect(await acceptSolution(db, { scope: 'cs_test_a', level: 1, payload })).toBe(true);
    expect(await acceptSolution(db, { scope: 'cs_test_a', level: 1, payload })).toBe(false);
  });

  it('refuses a wrong answer, a tampered challenge and anything that is not a payload', async () => {
    const { challenge, solution } = await solved('cs_test_c', 1);
    const encode = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64');
    expect(
      await acceptSolution(db, {
        scope: 'cs_test_c',
        level: 1,
        payload: encode({ challenge, solution: { ...solution, counter: solution.counter + 1, derivedKey: '00'.repeat(32) } }),
      }),
    ).toBe(false);
    const easier = { ...challenge, parameters: { ...challenge.parameters, cost: 1 } };
    expect(await acceptSolution(db, { scope: 'cs_test_c', level: 1, payload: encode({ challenge: easier, solution }) })).toBe(false);
    const otherScope = { ...challenge, parameters: { ...challenge.parameters, data: { scope: 'cs_test_d', level: 1 } } };
    expect(await acceptSolution(db, { scope: 'cs_test_d', level: 1, payload: encode({ challenge: otherScope, solution }) })).toBe(false);
    for (const junk of [undefined, 42, '', 'not base64 json', 'x'.repeat(5000)])
      expect(await acceptSolution(db, { scope: 'cs_test_c', level: 1, payload: junk })).toBe(false);
  });
});
