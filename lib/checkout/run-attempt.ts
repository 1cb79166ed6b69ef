import type { Db } from '@/db/client';
import type { PaymentIntentRow } from '@/db/queries/payment-intents';
import type { ChargeOutcome, PaymentProcessor } from '@/lib/payments/processor';
import { abandonAttempt } from './abandon-attempt';
import type { ConfirmResult } from './confirm-payment';
import { finishCharge } from './finish-charge';
import { log, errorText } from '@/lib/log';

/** A processor that has not answered by then is treated as not answering: the attempt is given up. */
export const PROCESSOR_TIMEOUT_MS = 60_000;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  if (!Number.isFinite(ms)) return work;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`the processor did not answer within ${ms} ms`));
    }, ms);
  });
  return Promise.race([work, timeout]).finally(() => {
    clearTimeout(timer);
  });
}

/**
 * Runs one claimed attempt against the processor (a first charge, or the charge after a challenge)
 * and records its outcome. A processor that fails or does not answer gets the attempt reversed and
 * the customer a processing error to retry; never a stuck intent, never an unanswered page.
 */
export async function runAttempt(
  db: Db,
  p: {
    processor: PaymentProcessor;
    sessionId: string;
    intent: PaymentIntentRow & { attemptId: string };
    now: Date;
    call: () => Promise<ChargeOutcome>;
  },
): Promise<ConfirmResult> {
  let outcome: ChargeOutcome;
  try {
    outcome = await withTimeout(p.call(), p.processor.timeoutMs ?? PROCESSOR_TIMEOUT_MS);
  } catch (err) {
    // Never the request: it holds card data.
    log().error({ error: errorText(err) }, 'a payment attempt failed at the processor');
    // If the reversal fails too, the attempt stays processing and the sweep gives it up after its lease.
    await abandonAttempt(db, p.processor, p.intent).catch((e: unknown) => {
      log().error({ error: errorText(e) }, 'could not give up the attempt yet');
    });
    return { state: 'declined', message: 'decline.processing_error' };
  }
  return finishCharge(db, { ...p, outcome });
}
