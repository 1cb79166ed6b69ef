import { describe, expect, it } from 'vitest';
import { findSession } from '@/db/queries/checkout-sessions';
import { findInvoice } from '@/db/queries/invoices';
import { findPaymentIntent } from '@/db/queries/payment-intents';
import { useCheckoutDatabase } from '@/lib/checkout/testing/checkout-db';
import { newShop } from '@/lib/checkout/testing/checkout-world';
import { eventsOf } from '@/lib/payments/testing/paid-charge';
import { present } from '@/lib/util/present';
import { unix } from '@/lib/util/time';
import { subscribe } from '../testing/subscribed';
import { unpaidRenewal } from '../testing/unpaid-renewal';
import { voidInvoice } from './void-invoice';
import { refusal } from '@/lib/api/testing/refusal';

const db = useCheckoutDatabase('caisse_void_invoice');

const PAID_AT = new Date('2026-05-02T10:00:00Z');
const VOID_AT = new Date('2026-05-10T08:30:00Z');

async function withOpenInvoice() {
  const { invoice } = await unpaidRenewal(db(), PAID_AT);
  return { open: invoice };
}

/** The first invoice of a subscription paid at checkout. */
async function paidInvoice() {
  const { shop, sessionId } = await subscribe(db(), { now: PAID_AT });
  const session = present(await findSession(db(), { accountId: shop.accountId, id: sessionId }), 'the session');
  return present(await findInvoice(db(), { accountId: shop.accountId, id: present(session.invoiceId, 'its invoice') }), 'the invoice');
}

const invoiceEvents = async (accountId: string) => (await eventsOf(db(), accountId)).filter((e) => e.type === 'invoice.voided');

describe('voidInvoice', () => {
  it('an unpaid renewal → void: kept with its number, owed no more, never retried; its declined intent canceled (void_invoice); invoice.voided', async () => {
    const { open } = await withOpenInvoice();
    const intentId = present(open.paymentIntentId, 'the declined attempt’s intent');
    const voided = await db().transaction((tx) => voidInvoice(tx, open, VOID_AT));
    expect(voided).toMatchObject({ status: 'void', voidedAt: VOID_AT, autoAdvance: false, nextPaymentAttempt: null, number: open.number });
    expect(await findInvoice(db(), open)).toEqual(voided);
    expect(await findPaymentIntent(db(), { accountId: open.accountId, id: intentId })).toMatchObject({
      status: 'canceled',
      cancellationReason: 'void_invoice',
      canceledAt: VOID_AT,
    });
    const all = await eventsOf(db(), open.accountId);
    expect(all.slice(-2).map((e) => e.type)).toEqual(['payment_intent.canceled', 'invoice.voided']);
    expect(all.at(-1)?.object).toMatchObject({
      id: open.id,
      status: 'void',
      auto_advance: false,
      next_payment_attempt: null,
      status_transitions: { voided_at: unix(VOID_AT) },
    });
  });

  it('twice, or a paid invoice → 400 saying its status, unchanged, no event', async () => {
    const [{ open }, first] = [await withOpenInvoice(), await paidInvoice()];
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
    expect(await invoiceEvents(first.accountId)).toHaveLength(0);
  });

  it('another account’s invoice → 404, untouched', async () => {
    const { open } = await withOpenInvoice();
    const stranger = await newShop(db(), { merchant: 'Stranger' });
    const err = await refusal(db().transaction((tx) => voidInvoice(tx, { ...open, accountId: stranger.accountId }, VOID_AT)));
    expect(err).toMatchObject({ status: 404, code: 'resource_missing', message: `No such invoice: '${open.id}'` });
    expect(await findInvoice(db(), open)).toEqual(open);
  });
});
