import { createTransport } from 'nodemailer';
import type { Db } from '@/db/client';
import {
  claimDueEmails as claimEmails,
  keepEmail,
  markEmailSent,
  recordEmailFailure,
  releaseEmailClaims,
  type EmailClaim,
} from '@/db/queries/email-outbox';
import { env } from '@/lib/env';
import { leaseQueueJob } from '@/lib/jobs/lease-queue';
import { startRunner, type Job, type Runner } from '@/lib/jobs/runner';
import { isSealed, unseal } from '@/lib/security/secret-keys';

/**
 * Drains the email outbox. Like the webhook worker, any number of senders may
 * run on one database: a claim is one UPDATE over rows picked with FOR UPDATE
 * SKIP LOCKED that stamps a lease (locked_until), so no transaction stays open
 * across the SMTP conversation and a sender that dies just lets its lease lapse.
 * The loop is lib/jobs' lease queue.
 */

export const MAX_ATTEMPTS = 5;
// Longer than a send can take with the timeouts below, so a live claim never expires under its sender.
const LEASE_SECONDS = 120;
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

/** Wait after the nth failed attempt: 1 min, 5 min, 30 min, 2 h — long enough to outlast a mail server restart. */
export function retryDelaySeconds(attempts: number): number {
  return [60, 300, 1800, 7200][Math.min(attempts, 4) - 1] ?? 60;
}

/** What sends: nodemailer's transport, or a test's stand-in. */
export type Mailer = {
  sendMail(mail: { from: string; to: string; subject: string; text: string; html: string }): Promise<unknown>;
  close?(): void;
};

export type SendOptions = {
  /** Defaults to SMTP_URL; null or unset keeps the emails (status 'kept') instead of sending. */
  smtpUrl?: string | null;
  /** Sends through this instead of opening a transport on smtpUrl. */
  mailer?: Mailer;
  from?: string;
  now?: Date;
};

export type Claimed = EmailClaim;
export type SendOutcome = 'sent' | 'kept' | 'retry' | 'failed';

export function claimDueEmails(db: Db, p: { limit: number; now?: Date }): Promise<Claimed[]> {
  return claimEmails(db, { ...p, leaseSeconds: LEASE_SECONDS });
}

/** Sends one claimed email (or keeps it, without a transport) and records the outcome, if the claim is still ours. */
// The dashboard's sign-up and sign-in emails are sealed in the outbox (lib/auth/account-emails.ts): opened only to send.
const opened = (body: string) => (isSealed(body) ? unseal(body, 'sign-in-links') : body);

export async function sendClaimed(db: Db, claim: Claimed, transport: Mailer | null, p: { from: string; now?: Date }): Promise<SendOutcome> {
  // Every write below is conditional on the claim: its lease still reads the claim's token.
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
    await keepEmail(db, claim);
    return 'kept';
  }
  try {
    await transport.sendMail({ from: p.from, to: claim.to, subject: claim.subject, text: opened(claim.text), html: opened(claim.html) });
  } catch (err) {
    const attempts = claim.attempts + 1;
    const failed = attempts >= MAX_ATTEMPTS;
    // The SMTP reply, never the message: it carries the customer's details.
    const lastError = (err instanceof Error ? err.message : String(err)).slice(0, 500);
    await recordEmailFailure(db, claim, { attempts, lastError, retryInSeconds: failed ? null : retryDelaySeconds(attempts), now: p.now });
    return failed ? 'failed' : 'retry';
  }
  await markEmailSent(db, claim, { attempts: claim.attempts + 1, now: p.now });
  return 'sent';
}

function openTransport(opts: SendOptions): { transport: Mailer | null; from: string } {
  const from = opts.from ?? env().EMAIL_FROM;
  if (opts.mailer) return { transport: opts.mailer, from };
  const smtpUrl = opts.smtpUrl === undefined ? env().SMTP_URL : opts.smtpUrl;
  return { transport: smtpUrl ? createTransport({ url: smtpUrl, ...TIMEOUTS }) : null, from };
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
    if (transport !== opts.mailer) transport?.close?.();
  }
}

export type EmailJobOptions = SendOptions & { intervalMs?: number; concurrency?: number };

/** The sending job: up to `concurrency` emails at once, every `intervalMs` while the outbox is empty. */
export function emailJob(db: Db, opts: EmailJobOptions = {}): Job {
  const { transport, from } = openTransport(opts);
  return leaseQueueJob<Claimed>({
    name: 'emails',
    concurrency: opts.concurrency ?? 10,
    idleMs: opts.intervalMs ?? 2000,
    claim: (limit) => claimDueEmails(db, { limit, now: opts.now }),
    leaseMs: LEASE_SECONDS * 1000,
    now: () => opts.now ?? new Date(),
    handle: (claim) => sendClaimed(db, claim, transport, { from, now: opts.now }),
    release: (claims) => releaseEmailClaims(db, claims),
    close: () => {
      if (transport !== opts.mailer) transport?.close?.();
    },
  });
}

export type EmailWorker = Pick<Runner, 'stop'>;

/** The sending job on a runner of its own, until stopped. */
export function createEmailWorker(db: Db, opts: EmailJobOptions & { limit?: number } = {}): EmailWorker {
  return startRunner([emailJob(db, { ...opts, concurrency: opts.concurrency ?? opts.limit })]);
}
