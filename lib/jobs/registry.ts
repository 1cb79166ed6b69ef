import type { Db } from '@/db/client';
import { asyncPaymentSweepJob } from '@/lib/payments/follow-up-sweep';
import { subscriptionBillingJob } from '@/lib/billing/renewals/billing-job';
import { expirySweepJob } from '@/lib/checkout/expiry-sweep';
import type { Env } from '@/lib/env';
import { emailJob } from '@/lib/receipts/send-emails';
import { webhookJob } from '@/lib/webhooks/worker';
import type { Job } from './runner';

/**
 * Every background job, with the setting that lets a process run it. Each is on unless set to 'off' (when
 * another process does that work); any number of processes may run any of them against one Postgres.
 */
export const JOBS = [
  { name: 'webhooks', enabled: (e: Env) => e.WEBHOOK_WORKER === 'on', create: (db: Db) => webhookJob(db) },
  { name: 'emails', enabled: (e: Env) => e.EMAIL_WORKER === 'on', create: (db: Db) => emailJob(db) },
  { name: 'expiry-sweep', enabled: (e: Env) => e.EXPIRY_SWEEP === 'on', create: (db: Db) => expirySweepJob(db) },
  { name: 'async-payment-sweep', enabled: (e: Env) => e.ASYNC_PAYMENT_SWEEP === 'on', create: (db: Db) => asyncPaymentSweepJob(db) },
  { name: 'subscription-billing', enabled: (e: Env) => e.SUBSCRIPTION_BILLING === 'on', create: (db: Db) => subscriptionBillingJob(db) },
] as const satisfies readonly { name: string; enabled: (e: Env) => boolean; create: (db: Db) => Job }[];

export type JobName = (typeof JOBS)[number]['name'];

/** The jobs this environment turns on, or exactly the ones named (a dedicated worker process). */
export function jobsFor(db: Db, e: Env, only?: readonly JobName[]): Job[] {
  return JOBS.filter((j) => (only ? only.includes(j.name) : j.enabled(e))).map((j) => j.create(db));
}
