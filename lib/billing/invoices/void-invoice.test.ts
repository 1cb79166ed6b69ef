import { describe, expect, it } from 'vitest';
import { findInvoice } from '@/db/queries/invoices';
import { findPaymentIntent } from '@/db/queries/payment-intents';
import { ApiError } from '@/lib/api/errors';
import { useCheckoutDatabase } from '@/lib/checkout/testing/checkout-db';
import { newShop } from '@/lib/checkout/testing/checkout-world';
import { eventsOf } from '@/lib/payments/testing/paid-charge';
import { present } from '@/lib/util/present';
import { unix } from '@/lib/util/time';
import { openRenewalInvoice, paidSubscription } from '../testing/paid-subscription';
import { payInvoiceOffSession } from './pay-invoice';
import { voidInvoice } from './void-invoice';

const db = useCheckoutDatabase('caisse_void_invoice');

const PAID_AT = new Date('2026-05-02T10:00:00Z');
const LATER = new Date('2026-06-02T10:00:00Z');
const VOID_AT = new Date('2026-06-03T08:30:00Z');

async function refusal(p: Promise<unknown>): Promise<ApiError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(err)}`);
  return err;
}

/** The test card that pays at checkout and is declined off-session afterwards. */
const SAVES_THEN_DECLINES = '4000000000000341';

async function withOpenInvoice(card?: string) {
  // That card only starts a subscription with a trial: nothing is charged at checkout.
  const trial = card ? { trial_period_days: '7' } : undefined;
  const { subscription, invoice: first } = await paidSubscription(db(), await newShop(db()), {
    now: PAID_AT,
    card,
    subscriptionData: trial,
  });
  return { first, open: await openRenewalInvoice(db(), subscription, first, LATER) };
}

const invoiceEvents = async (accountId: string) => (await eventsOf(db(), accountId)).filter((e) => e.type === 'invoice.voided');

describe('voidInvoice', () => {
  it('an open invoice → void: kept with its number, owed no more, never retried; one invoice.voided', async () => {
    const { open } = await withOpenInvoice();
    const voided = await db().transaction((tx) => voidInvoice(tx, open, VOID_AT));
    expect(voided).toMatchObject({ status: 'void', voidedAt: VOID_AT, autoAdvance: false, nextPaymentAttempt: null, number: open.number });
    expect(await findInvoice(db(), open)).toEqual(voided);
    const events = await invoiceEvents(open.accountId);
    expect(events).toHaveLength(1);
    expect(events[0].object).toMatchObject({
      id: open.id,
      status: 'void',
      auto_advance: false,
      next_payment_attempt: null,
      status_transitions: { voided_at: unix(VOID_AT) },
    });
  });

  it('after a declined payment → its payment intent is canceled (void_invoice) with the void', async () => {
    const { open } = await withOpenInvoice(SAVES_THEN_DECLINES);
    const tried = await payInvoiceOffSession(db(), { accountId: open.accountId, invoiceId: open.id, automatic: true, now: LATER });
    expect(tried.outcome).toBe('declined');
    const unpaid = present(await findInvoice(db(), open), 'the invoice');
    const intentId = present(unpaid.paymentIntentId, 'the invoice’s intent');
    await db().transaction((tx) => voidInvoice(tx, unpaid, VOID_AT));
    expect(await findPaymentIntent(db(), { accountId: open.accountId, id: intentId })).toMatchObject({
      status: 'canceled',
      cancellationReason: 'void_invoice',
      canceledAt: VOID_AT,
    });
    const types = (await eventsOf(db(), open.accountId)).map((e) => e.type);
    expect(types.slice(-2)).toEqual(['payment_intent.canceled', 'invoice.voided']);
  });

  it('twice, or a paid invoice → 400 saying its status, unchanged, no event', async () => {
    const { first, open } = await withOpenInvoice();
    await db().transaction((tx) => voidInvoice(tx, open, VOID_AT));
    const again = await refusal(db().transaction((tx) => voidInvoice(tx, open, VOID_AT)));
    expect(again).toMatchObject({
      status: 400,
      message: 'You can only void an invoice that is open or uncollectible; this invoice is void.',
    });
    const paid = await refusal(db().transaction((tx) => voidInvoice(tx, first, VOID_AT)));
    expect(paid).toMatchObject({
      status: 400,
      message: 'You can only void an invoice that is open or uncollectible; this invoice is paid.',
    });
    expect(await findInvoice(db(), first)).toEqual(first);
    expect(await invoiceEvents(open.accountId)).toHaveLength(1);
  });

  it('another account’s invoice → 404, untouched', async () => {
    const { open } = await withOpenInvoice();
    const stranger = await newShop(db(), { merchant: 'Stranger' });
    const err = await refusal(db().transaction((tx) => voidInvoice(tx, { ...open, accountId: stranger.accountId }, VOID_AT)));
    expect(err).toMatchObject({ status: 404, code: 'resource_missing', message: `No such invoice: '${open.id}'` });
    expect(await findInvoice(db(), open)).toEqual(open);
  });
});
