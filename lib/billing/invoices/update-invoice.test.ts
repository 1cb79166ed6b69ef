import { describe, expect, it } from 'vitest';
import { findInvoice } from '@/db/queries/invoices';
import { useCheckoutDatabase } from '@/lib/checkout/testing/checkout-db';
import { eventsOf } from '@/lib/payments/testing/paid-charge';
import { present } from '@/lib/util/present';
import { unix } from '@/lib/util/time';
import { DEFAULT_RETRY_SETTINGS } from '../retry-settings';
import { unpaidRenewal } from '../testing/unpaid-renewal';
import { changeInvoice } from './update-invoice';

const db = useCheckoutDatabase('caisse_update_invoice');

const BOUGHT_AT = new Date('2026-05-02T10:00:00Z');
const DAY_MS = 86_400_000;

describe('changeInvoice: auto_advance on an open invoice', () => {
  it('off → no next automatic attempt (invoice.updated says what it was); on again → the next retry of the schedule, counted from now', async () => {
    const { invoice: open } = await unpaidRenewal(db(), BOUGHT_AT);
    const due = present(open.nextPaymentAttempt, 'the next retry');
    expect(open.attemptCount).toBe(1);

    const stopped = await db().transaction((tx) => changeInvoice(tx, open, { autoAdvance: false, metadata: { note: 'on hold' } }));
    expect(stopped).toMatchObject({ autoAdvance: false, nextPaymentAttempt: null, metadata: { note: 'on hold' } });
    const updated = (await eventsOf(db(), open.accountId)).filter((e) => e.type === 'invoice.updated');
    expect(updated).toHaveLength(1);
    expect(updated[0].previous).toEqual({ auto_advance: true, next_payment_attempt: unix(due), metadata: {} });

    const before = Date.now();
    const resumed = await db().transaction((tx) => changeInvoice(tx, stopped, { autoAdvance: true }));
    const after = Date.now();
    const retryMs = present(DEFAULT_RETRY_SETTINGS.retryDays[0], 'the first retry') * DAY_MS;
    expect(resumed.autoAdvance).toBe(true);
    const next = present(resumed.nextPaymentAttempt, 'the next attempt').getTime();
    expect(next).toBeGreaterThanOrEqual(before + retryMs);
    expect(next).toBeLessThanOrEqual(after + retryMs);
    expect(await findInvoice(db(), open)).toEqual(resumed);

    // Nothing asked that is not so already: no event.
    await db().transaction((tx) => changeInvoice(tx, resumed, { autoAdvance: true, metadata: { note: 'on hold' } }));
    expect((await eventsOf(db(), open.accountId)).filter((e) => e.type === 'invoice.updated')).toHaveLength(2);
  });
});
