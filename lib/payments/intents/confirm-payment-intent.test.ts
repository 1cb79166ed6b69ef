import { and, eq } from 'drizzle-orm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAccount } from '@/lib/accounts/create-account';
import { charges, paymentIntents } from '@/db/schema';
import { ApiError } from '@/lib/api/errors';
import { recoverLostAttempts } from '@/lib/checkout/abandon-attempt';
import { ATTEMPT_LEASE_MS } from '@/lib/checkout/payment-state';
import { useCheckoutDatabase } from '@/lib/checkout/testing/checkout-db';
import { GatedProcessor } from '@/lib/checkout/testing/gated-processor';
import { createCustomer } from '@/lib/customers/customers';
import { cancelPaymentIntent } from '@/lib/payments/authorizations/cancel-payment-intent';
import { listCustomerPaymentMethods } from '@/lib/payments/payment-method-reads';
import { detachPaymentMethod } from '@/lib/payments/payment-methods/manage-payment-methods';
import { confirmPaymentIntent } from './confirm-payment-intent';
import { createPaymentIntent } from './create-payment-intent';

const db = useCheckoutDatabase('caisse_api_intents');
const T0 = new Date('2026-06-01T12:00:00Z');
const AFTER_LEASE = new Date(T0.getTime() + ATTEMPT_LEASE_MS + 1000);
const RUNS = Number(process.env.CHECKOUT_MODEL_RUNS ?? 12);

/** A customer with a saved card, and an intent for it waiting for its confirmation. */
async function world(processor: GatedProcessor, keep: boolean) {
  const account = await createAccount(db(), { name: 'Intent Shop' });
  const scope = { accountId: account.id };
  const customer = await createCustomer(db(), scope, { payment_method: 'pm_card_visa' }, processor);
  const [method] = (await listCustomerPaymentMethods(db(), { ...scope, customerId: customer.id }, {})).data;
  const intent = await createPaymentIntent(
    db(),
    scope,
    {
      amount: 1500,
      currency: 'eur',
      customer: customer.id,
      payment_method: method.id,
      ...(keep ? { setup_future_usage: 'off_session' as const } : {}),
    },
    { processor, now: T0 },
  );
  return { scope, intentId: intent.id, methodId: method.id };
}

type Step = 'confirm' | 'release' | 'sweep' | 'cancel' | 'detach';

describe('confirming an API-made payment intent under races (fast-check)', () => {
  it('whatever confirms, answers, sweeps, cancels and detaches interleave: at most one charge, money kept only for it, nothing left processing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom<Step>('confirm', 'release', 'sweep', 'cancel', 'detach'), { minLength: 1, maxLength: 8 }),
        fc.boolean(),
        fc.boolean(),
        async (steps, voidBlocksLateAnswers, keep) => {
          const processor = new GatedProcessor(voidBlocksLateAnswers);
          const { scope, intentId, methodId } = await world(processor, keep);
          // Each started confirm, by the attempt it holds at the gate once it got there.
          const calls: { attemptId: string | null; done: Promise<unknown> }[] = [];
          const confirm = async () => {
            const arrival = processor.nextArrival();
            const done = confirmPaymentIntent(db(), { ...scope, id: intentId }, { off_session: true }, { processor, now: T0 }).catch(
              (e: unknown) => e,
            );
            const call = { attemptId: null as string | null, done };
            calls.push(call);
            // Either refused at once (another attempt holds the intent) or waiting at the processor.
            await Promise.race([done, arrival.then((id) => (call.attemptId = id))]);
          };
          const release = async (attemptId: string) => {
            processor.release(attemptId);
            await calls.find((c) => c.attemptId === attemptId)?.done;
          };
          for (const step of [...steps, 'confirm' as const]) {
            if (step === 'confirm') await confirm();
            else if (step === 'release' && processor.held.length) await release(processor.held[0]);
            else if (step === 'sweep') await recoverLostAttempts(db(), processor, AFTER_LEASE);
            else if (step === 'cancel') await cancelPaymentIntent(db(), scope, intentId, {}).catch((e: unknown) => e);
            // The card is detached while its payment may be under way (the merchant, or the customer elsewhere).
            else if (step === 'detach') await detachPaymentMethod(db(), { ...scope, id: methodId }).catch((e: unknown) => e);
          }
          // Every answer arrives in the end; the sweep gives up whatever is still in flight.
          for (const id of [...processor.held]) await release(id);
          const answers = await Promise.all(calls.map((c) => c.done));
          // Every confirm answered as the API does (the intent, or a Stripe-shaped refusal), never a crash…
          for (const a of answers) if (a instanceof Error) expect(a).toBeInstanceOf(ApiError);
          // …and none of them left its attempt in flight: nothing died, so nothing waits for the sweep.
          const [settled] = await db().select().from(paymentIntents).where(eq(paymentIntents.id, intentId));
          expect(settled.status).not.toBe('processing');
          await recoverLostAttempts(db(), processor, AFTER_LEASE);

          const [intent] = await db().select().from(paymentIntents).where(eq(paymentIntents.id, intentId));
          const kept = [...processor.ledger.values()].filter((e) => e.charged && !e.reversed);
          const recorded = await db()
            .select()
            .from(charges)
            .where(and(eq(charges.paymentIntentId, intentId), eq(charges.status, 'succeeded')));
          expect(intent.status).not.toBe('processing');
          expect(recorded.length).toBeLessThanOrEqual(1);
          expect(kept.length).toBe(recorded.length);
          expect(recorded.length === 1).toBe(intent.status === 'succeeded');
          if (intent.status === 'succeeded') expect(intent.amountReceived).toBe(1500);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
