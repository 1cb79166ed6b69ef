import { describe, expect, it } from 'vitest';
import { findInvoice } from '@/db/queries/invoices';
import { useCheckoutDatabase } from '@/lib/checkout/testing/checkout-db';
import { newShop } from '@/lib/checkout/testing/checkout-world';
import { eventsOf } from '@/lib/payments/testing/paid-charge';
import { present } from '@/lib/util/present';
import { unix } from '@/lib/util/time';
import { openRenewalInvoice, paidSubscription } from '../testing/paid-subscription';
import { changeInvoice } from './update-invoice';

const db = useCheckoutDatabase('caisse_update_invoice');

const PAID_AT = new Date('2026-05-02T10:00:00Z');
const LATER = new Date('2026-06-02T10:00:00Z');

describe('changeInvoice: auto_advance on an open invoice', () => {
  it('off → no next automatic attempt (invoice.updated says what it was); on again → a never-tried invoice is due at once', async () => {
    const { subscription, invoice: first } = await paidSubscription(db(), await newShop(db()), { now: PAID_AT });
    const open = await openRenewalInvoice(db(), subscription, first, LATER);
    const due = present(open.nextPaymentAttempt, 'the next attempt');

    const stopped = await db().transaction((tx) => changeInvoice(tx, open, { autoAdvance: false, metadata: { note: 'on hold' } }));
    expect(stopped).toMatchObject({ autoAdvance: false, nextPaymentAttempt: null, metadata: { note: 'on hold' } });
    const updated = (await eventsOf(db(), open.accountId)).filter((e) => e.type === 'invoice.updated');
    expect(updated).toHaveLength(1);
    expect(updated[0].previous).toEqual({ auto_advance: true, next_payment_attempt: unix(due), metadata: {} });

    const before = Date.now();
    const resumed = await db().transaction((tx) => changeInvoice(tx, stopped, { autoAdvance: true }));
    expect(resumed.autoAdvance).toBe(true);
    expect(present(resumed.nextPaymentAttempt, 'the next attempt').getTime()).toBeGreaterThanOrEqual(before);
    expect(await findInvoice(db(), open)).toEqual(resumed);

    // Nothing asked that is not so already: no event.
    await db().transaction((tx) => changeInvoice(tx, resumed, { autoAdvance: true, metadata: { note: 'on hold' } }));
    expect((await eventsOf(db(), open.accountId)).filter((e) => e.type === 'invoice.updated')).toHaveLength(2);
  });
});
