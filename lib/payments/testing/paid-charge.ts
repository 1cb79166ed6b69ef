import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { findCharge, type ChargeRow } from '@/db/queries/charges';
import { paymentIntentForSession } from '@/db/queries/payment-intents';
import { events } from '@/db/schema';
import { parseParams } from '@/lib/api/parse-params';
import { settleDueDebits } from '@/lib/checkout/async-payment-sweep';
import { confirmPayment } from '@/lib/checkout/confirm-payment';
import { createSessionRow } from '@/lib/checkout/create-session';
import { payForm, type Shop } from '@/lib/checkout/testing/checkout-world';
import { env } from '@/lib/env';
import { testProcessor } from '@/lib/payments/test-processor';
import { present } from '@/lib/util/present';
import { createCheckoutSessionSchema } from '@/lib/validation/checkout-sessions';

/**
 * Paid charges for lib/payments' tests, made as a customer makes them: a session of the shop
 * (lib/checkout/testing/checkout-world.ts) paid through confirmPayment with a test card or a test IBAN,
 * at an injected time.
 */

export const REFUND_CARDS = { ok: '4242424242424242', refundFails: '4000000000005126', disputed: '4000000000000259' } as const;
export const SEPA_IBANS = { succeeds: 'DE89370400440532013000', fails: 'DE62370400440532013001' } as const;

export type PaidWith =
  | { card: string; capture?: 'manual' }
  /** `settled: false` leaves the debit pending; a failing IBAN settles as a failed charge. */
  | { iban: string; settled?: boolean };

const sepaForm = (iban: string) => ({
  method: 'sepa_debit',
  email: 'jenny.rosen@example.com',
  sepa: { iban, name: 'Jenny Rosen' },
  billing: { country: 'DE', postal_code: '10115' },
});

/** A session of `quantity` units (€25.00 each) paid at `now`; returns its charge as it stands after payment (and settlement). */
export async function paidCharge(db: Db, shop: Shop, p: { now: Date; quantity?: number; with?: PaidWith }): Promise<ChargeRow> {
  const how = p.with ?? { card: REFUND_CARDS.ok };
  const params = parseParams(createCheckoutSessionSchema, {
    mode: 'payment',
    line_items: [{ price: shop.priceId, quantity: String(p.quantity ?? 1) }],
    success_url: 'https://shop.example/ok',
    ...('iban' in how ? { payment_method_types: ['card', 'sepa_debit'] } : {}),
    ...('card' in how && how.capture ? { payment_intent_data: { capture_method: how.capture } } : {}),
  });
  const sessionId = (await createSessionRow(db, { accountId: shop.accountId }, params, p.now)).id;
  const form = 'iban' in how ? sepaForm(how.iban) : payForm(how.card);
  const result = await confirmPayment(db, { sessionId, form, clientKey: `refunds-${sessionId}`, processor: testProcessor, now: p.now });
  if (result.state !== 'complete') throw new Error(`the payment did not complete: ${JSON.stringify(result)}`);
  if ('iban' in how && how.settled !== false)
    await settleDueDebits(db, new Date(p.now.getTime() + (env().SEPA_TEST_SETTLE_SECONDS + 1) * 1000));
  const intent = present(await paymentIntentForSession(db, sessionId), "the session's payment intent");
  const chargeId = present(intent.latestChargeId, "the intent's charge");
  return present(await findCharge(db, { accountId: shop.accountId, id: chargeId }), 'the charge');
}

/** The charge as it is now. */
export async function chargeNow(db: Db, charge: { accountId: string; id: string }): Promise<ChargeRow> {
  return present(await findCharge(db, { accountId: charge.accountId, id: charge.id }), 'the charge');
}

/** The account's events, oldest first: type, object and previous attributes. */
export async function eventsOf(db: Db, accountId: string) {
  const rows = await db.select().from(events).where(eq(events.accountId, accountId)).orderBy(events.seq);
  return rows.map((e) => ({
    type: e.type,
    object: e.data.object,
    previous: e.data.previous_attributes,
  }));
}
