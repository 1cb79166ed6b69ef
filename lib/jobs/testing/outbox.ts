import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { Db } from '@/db/client';
// Aliased: not a React hook, whatever its name says.
import { useOwnDatabase as ownDatabase } from '@/e2e/support/own-database';
import type { Mailer } from '@/lib/receipts/send-emails';

/**
 * lib/jobs' tests run the real runner over the real email outbox: a database of the test file's own (in-memory
 * PGlite, or a fresh Postgres database when DATABASE_URL is set), emptied before each test.
 */
export function outboxDatabase(prefix: string): () => Db {
  let db: Db | undefined;
  let drop: () => Promise<void> = async () => {};
  beforeAll(async () => {
    drop = await ownDatabase(prefix);
    db = await (await import('@/db/client')).getDb();
  });
  beforeEach(async () => {
    const { emails } = await import('@/db/schema');
    await db?.delete(emails);
  });
  afterAll(() => drop());
  return () => {
    if (!db) throw new Error('the test database is not ready yet');
    return db;
  };
}

/** Queues one email per id, due at `at` (default: now); each one's subject is its id. */
export async function queueEmails(db: Db, ids: string[], at?: Date): Promise<void> {
  const { emails } = await import('@/db/schema');
  await db.insert(emails).values(
    ids.map((id) => ({
      id,
      kind: 'receipt' as const,
      to: 'buyer@example.com',
      subject: id,
      text: id,
      html: `<p>${id}</p>`,
      nextAttemptAt: at,
    })),
  );
}

export async function emailRows(db: Db) {
  const { emails } = await import('@/db/schema');
  const rows = await db.select().from(emails);
  return rows.sort((a, b) => a.id.localeCompare(b.id));
}

/** A stand-in mail server: records each send (by subject, the email's id); `gate` holds sends until opened. */
export function recordingMailer(opts: { gate?: Promise<void> } = {}) {
  const started: string[] = [];
  const sent: string[] = [];
  const mailer: Mailer = {
    sendMail: async (mail) => {
      started.push(mail.subject);
      await opts.gate;
      sent.push(mail.subject);
    },
  };
  return { mailer, started, sent };
}

/** Resolves once `check` holds; polls, so the pause only paces it. */
export async function until(check: () => boolean | Promise<boolean>, what: string, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not reached within ${ms / 1000} s: ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export function gate(): { promise: Promise<void>; open: () => void } {
  let open = () => {};
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}
