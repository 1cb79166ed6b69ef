import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { invoiceLines } from '@/db/queries/invoices';
import { findSubscription, lockSubscription } from '@/db/queries/subscriptions';
import { invoices } from '@/db/schema';
import { useCheckoutDatabase } from '@/lib/checkout/testing/checkout-db';
import { eventsOf } from '@/lib/payments/testing/paid-charge';
import { present } from '@/lib/util/present';
import { unix } from '@/lib/util/time';
import { runDueBilling } from '../renewals/run-due-billing';
import { subscribe } from '../testing/subscribed';
import { resumeSubscription } from './resume-subscription';
import { changeSubscription } from './update-subscription';
import { refusal } from '@/lib/api/testing/refusal';

const db = useCheckoutDatabase('caisse_resume_subscription');

const BOUGHT_AT = new Date('2026-04-10T09:00:00Z');
const TRIAL_END = new Date('2026-04-17T09:00:00Z');
const RESUMED_AT = new Date('2026-04-20T15:30:00Z');

/**
 * A trial that ends without a card, its subscription set to pause then: paused by the billing job at the
 * trial's end. Checkout always saves a card today, so the card is taken off the subscription first.
 */
async function pausedAtTrialEnd() {
  const { shop, subscriptionId } = await subscribe(db(), {
    now: BOUGHT_AT,
    subscriptionData: { trial_period_days: '7', trial_settings: { end_behavior: { missing_payment_method: 'pause' } } },
  });
  const scope = { accountId: shop.accountId, id: subscriptionId };
  await db().transaction(async (tx) =>
    changeSubscription(tx, present(await lockSubscription(tx, scope), 'the subscription'), { defaultPaymentMethodId: null }),
  );
  await runDueBilling(db(), { scope: { clock: null }, now: TRIAL_END });
  return present(await findSubscription(db(), scope), 'the subscription');
}

const resume = (sub: { accountId: string; id: string }, p: Omit<Parameters<typeof resumeSubscription>[2], 'now'>) =>
  db().transaction(async (tx) =>
    resumeSubscription(tx, present(await lockSubscription(tx, sub), 'the subscription'), { now: RESUMED_AT, ...p }),
  );

describe('resumeSubscription', () => {
  it('billing_cycle_anchor now → active, a new cycle from now (the renewal then bills it); customer.subscription.resumed says it was paused', async () => {
    const paused = await pausedAtTrialEnd();
    expect(paused.status).toBe('paused');
    const resumed = await resume(paused, {});
    expect(resumed).toMatchObject({
      status: 'active',
      billingCycleAnchor: RESUMED_AT,
      currentPeriodStart: RESUMED_AT,
      currentPeriodEnd: RESUMED_AT,
    });
    const event = (await eventsOf(db(), paused.accountId)).at(-1);
    expect(event?.type).toBe('customer.subscription.resumed');
    expect(event?.previous).toMatchObject({ status: 'paused', billing_cycle_anchor: unix(TRIAL_END) });

    await runDueBilling(db(), { scope: { clock: null }, now: RESUMED_AT });
    const [cycle] = await db()
      .select()
      .from(invoices)
      .where(and(eq(invoices.subscriptionId, paused.id), eq(invoices.billingReason, 'subscription_cycle')));
    expect(present(cycle, 'the first billed period')).toMatchObject({ amountDue: 900 });
    const [line] = await invoiceLines(db(), { accountId: paused.accountId, invoiceId: present(cycle, 'invoice').id });
    expect(present(line, 'its line')).toMatchObject({ periodStart: RESUMED_AT, periodEnd: new Date('2026-05-20T15:30:00Z') });
  });

  it('billing_cycle_anchor unchanged → only with proration_behavior none (400 otherwise): the cycle goes on, the rest of its period not billed', async () => {
    const paused = await pausedAtTrialEnd();
    expect(await refusal(resume(paused, { billingCycleAnchor: 'unchanged' }))).toMatchObject({ status: 400, param: 'proration_behavior' });
    const resumed = await resume(paused, { billingCycleAnchor: 'unchanged', prorationBehavior: 'none' });
    expect(resumed).toMatchObject({ status: 'active', billingCycleAnchor: TRIAL_END, currentPeriodStart: TRIAL_END });
    expect(resumed.currentPeriodEnd.toISOString()).toBe('2026-05-17T09:00:00.000Z');
  });

  it('a subscription that is not paused → 400, unchanged', async () => {
    const { shop, subscriptionId } = await subscribe(db(), { now: BOUGHT_AT });
    const sub = { accountId: shop.accountId, id: subscriptionId };
    expect(await refusal(resume(sub, {}))).toMatchObject({
      status: 400,
      message: 'The subscription is not paused, so it cannot be resumed.',
    });
    expect(await findSubscription(db(), sub)).toMatchObject({ status: 'active' });
  });
});
