import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useOwnDatabase } from '../support/own-database';

// lib/auth/sign-in-throttle.ts against a database of its own, with its own clock.
let dropDatabase: () => Promise<void> = async () => {};
beforeAll(async () => {
  dropDatabase = await useOwnDatabase('caisse_throttle');
});
afterAll(() => dropDatabase());

async function setup() {
  const { openAttempt, PER_CLIENT, PER_EMAIL_AND_CLIENT } = await import('@/lib/auth/sign-in-throttle');
  const { getDb } = await import('@/db/client');
  const db = await getDb();
  const now = new Date(Math.ceil(Date.now() / 900_000) * 900_000 + 1000);
  const attempt = (email: string, client: string, at = now) => openAttempt(db, { email, client, now: at });
  return { attempt, now, PER_CLIENT, PER_EMAIL_AND_CLIENT };
}

const email = () => `owner-${randomBytes(4).toString('hex')}@shop.test`;
const client = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}-${randomBytes(2).toString('hex')}`;

describe('sign-in throttling', () => {
  it('failures on one email from one client ask that client for a link; the same email from another client is still open', async () => {
    const { attempt, PER_EMAIL_AND_CLIENT } = await setup();
    const [owner, attacker, victim] = [client(), client(), email()];
    for (let i = 0; i < PER_EMAIL_AND_CLIENT.limit; i++) expect((await attempt(victim, attacker)).gate).toBe('open');
    expect((await attempt(victim, attacker)).gate).toBe('link_required');
    expect((await attempt(victim, owner)).gate).toBe('open');
    expect((await attempt(email(), attacker)).gate).toBe('open');
  });

  it('successes do not count: an owner signing in again and again stays open', async () => {
    const { attempt, PER_EMAIL_AND_CLIENT } = await setup();
    const [me, mine] = [client(), email()];
    for (let i = 0; i < PER_EMAIL_AND_CLIENT.limit * 3; i++) {
      const a = await attempt(mine, me);
      expect(a.gate).toBe('open');
      await a.succeeded();
    }
  });

  it('one client failing on many emails is blocked past its own limit, whatever the email; the next window opens again', async () => {
    const { attempt, now, PER_CLIENT } = await setup();
    const sprayer = client();
    for (let i = 0; i < PER_CLIENT.limit; i++) expect((await attempt(email(), sprayer)).gate).toBe('open');
    expect((await attempt(email(), sprayer)).gate).toBe('client_blocked');
    expect((await attempt(email(), client())).gate).toBe('open');
    expect((await attempt(email(), sprayer, new Date(now.getTime() + PER_CLIENT.windowSeconds * 1000))).gate).toBe('open');
  });
});
