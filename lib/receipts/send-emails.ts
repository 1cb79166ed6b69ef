import { and, asc, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import { createTransport, type Transporter } from 'nodemailer';
import type { Db } from '@/db/client';
import { emails } from '@/db/schema';
import { env } from '@/lib/env';
import { isSealed, unseal } from '@/lib/security/secret-keys';
import { sqlNow } from '@/lib/webhooks/deliver';

/**
 * Drains the email outbox. Like the webhook worker, any number of senders may
 * run on one database: a claim is one UPDATE over rows picked with FOR UPDATE
 * SKIP LOCKED that stamps a lease (locked_until), so no transaction stays open
 * across the SMTP conversation and a sender that dies just lets its lease lapse.
 */

export const MAX_ATTEMPTS = 5;
// Longer than a send can take with the timeouts below, so a live claim never expires under its sender.
const LEASE_SECONDS = 120;
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

/** Wait after the nth failed attempt: 1 min, 5 min, 30 min, 2 h — long enough to outlast a mail server restart. */
export function retryDelaySeconds(attempts: number): number {
  return [60, 300, 1800, 7200][Math.min(attempts, 4) - 1] ?? 60;
}

export type SendOptions = {
  /** Defaults to SMTP_URL; null or unset keeps the emails (status 'kept') instead of sending. */
  smtpUrl?: string | null;
  from?: string;
  now?: Date;
};

export type Claimed = { id: string; to: string; subject: string; text: string; html: string; attempts: number; lockToken: string };
export type SendOutcome = 'sent' | 'kept' | 'retry' | 'failed';

export async function claimDueEmails(db: Db, p: { limit: number; now?: Date }): Promise<Claimed[]> {
  const now = sqlNow(p.now);
  const due = db
    .select({ id: emails.id })
    .from(emails)
    .where(and(eq(emails.status, 'pending'), lte(emails.nextAttemptAt, now), or(isNull(emails.lockedUntil), lt(emails.lockedUntil, now))))
    .orderBy(asc(emails.nextAttemptAt))
    .limit(p.limit)
    .for('update', { skipLocked: true });
  return db
    .update(emails)
    .set({ lockedUntil: sql`${now} + interval '${sql.raw(String(LEASE_SECONDS))} seconds'` })
    .where(inArray(emails.id, due))
    .returning({
      id: emails.id,
      to: emails.to,
      subject: emails.subject,
      text: emails.text,
      html: emails.html,
      attempts: emails.attempts,
      // Text keeps the microseconds a JS Date would drop, so settling matches this claim exactly.
      lockToken: sql<string>`${emails.lockedUntil}::text`,
    });
}

/** Sends one claimed email (or keeps it, without a transport) and records the outcome, if the claim is still ours. */
// The dashboard's sign-up and sign-in emails are sealed in the outbox (lib/auth/account-emails.ts): opened only to send.
const opened = (body: string) => (isSealed(body) ? unseal(body, 'sign-in-links') : body);

export async function sendClaimed(
  db: Db,
  claim: Claimed,
  transport: Transporter | null,
  p: { from: string; now?: Date },
): Promise<SendOutcome> {
  const ours = and(eq(emails.id, claim.id), sql`${emails.lockedUntil}::text = ${claim.lockToken}`);
  const now = sqlNow(p.now);
  if (!transport) {
    // Without a mail server, a sign-up or sign-in link could reach no one: the operator's console shows it instead.
    if (isSealed(claim.text)) {
      let body: string;
      try {
        body = opened(claim.text);
      } catch (err) {
        body = `(${err instanceof Error ? err.message : String(err)})`;
      }
      console.log(`[emails] SMTP_URL is not set; the email to ${claim.to} ("${claim.subject}") reads:\n${body}\n`);
    }
    await db.update(emails).set({ status: 'kept', lockedUntil: null }).where(ours);
    return 'kept';
  }
  try {
    await transport.sendMail({ from: p.from, to: claim.to, subject: claim.subject, text: opened(claim.text), html: opened(claim.html) });
  } catch (err) {
    const attempts = claim.attempts + 1;
    const failed = attempts >= MAX_ATTEMPTS;
    // The SMTP reply, never the message: it carries the customer's details.
    const lastError = (err instanceof Error ? err.message : String(err)).slice(0, 500);
    await db
      .update(emails)
      .set({
        attempts,
        lastError,
        lockedUntil: null,
        status: failed ? 'failed' : 'pending',
        nextAttemptAt: failed ? undefined : sql`${now} + interval '${sql.raw(String(retryDelaySeconds(attempts)))} seconds'`,
      })
      .where(ours);
    return failed ? 'failed' : 'retry';
  }
  await db
    .update(emails)
    .set({ status: 'sent', attempts: claim.attempts + 1, lastError: null, lockedUntil: null, sentAt: sql`${now}` })
    .where(ours);
  return 'sent';
}

function openTransport(opts: SendOptions): { transport: Transporter | null; from: string } {
  const smtpUrl = opts.smtpUrl === undefined ? env().SMTP_URL : opts.smtpUrl;
  return { transport: smtpUrl ? createTransport({ url: smtpUrl, ...TIMEOUTS }) : null, from: opts.from ?? env().EMAIL_FROM };
}

/** One claim-and-send pass; what tests drive with an injected clock. */
export async function sendDueEmails(db: Db, opts: SendOptions & { limit?: number } = {}): Promise<{ id: string; outcome: SendOutcome }[]> {
  const { transport, from } = openTransport(opts);
  try {
    const claims = await claimDueEmails(db, { limit: opts.limit ?? 10, now: opts.now });
    return await Promise.all(
      claims.map(async (c) => ({ id: c.id, outcome: await sendClaimed(db, c, transport, { from, now: opts.now }) })),
    );
  } finally {
    transport?.close();
  }
}

export type EmailWorker = { stop: () => Promise<void> };

/** Sends every `intervalMs` (at once again while a pass fills its batch) until stopped. */
export function createEmailWorker(db: Db, opts: SendOptions & { intervalMs?: number; limit?: number } = {}): EmailWorker {
  const limit = opts.limit ?? 10;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = (async () => {
      let done = 0;
      try {
        done = (await sendDueEmails(db, { ...opts, limit })).length;
      } catch (err) {
        console.error('[emails]', err instanceof Error ? err.message : err);
      }
      if (!stopped) timer = setTimeout(tick, done === limit ? 0 : (opts.intervalMs ?? 2000));
    })();
  };
  timer = setTimeout(tick, 0);
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

// One worker per server process, on globalThis because Next may load this module more than once.
const slot = globalThis as unknown as { __caisseEmailWorker?: Promise<EmailWorker> };

/** Starts this process's email sender on the app database (idempotent). */
export function startEmailWorker(): Promise<EmailWorker> {
  slot.__caisseEmailWorker ??= import('@/db/client').then(async ({ getDb }) => createEmailWorker(await getDb()));
  return slot.__caisseEmailWorker;
}
