import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { findCharge, type ChargeRow } from '@/db/queries/charges';
import { paymentIntentForSession } from '@/db/queries/payment-intents';
import { events } from '@/db/schema';
import type { AccountScope } from '@/db/scope';
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
 * The one factory of a paid charge for the tests of what follows a payment (lib/payments, lib/receipts,
 * lib/dashboard): a session of the shop (lib/checkout/testing/checkout-world.ts) paid through
 * confirmPayment as the hosted page pays it, at an injected time — so the charge, its intent, the
 * session, the announced dispute and the receipt are the rows a real payment leaves.
 */

export const SEPA_IBANS = { succeeds: 'DE89370400440532013000', fails: 'DE62370400440532013001' } as const;

export type PaidWith =
  /**
   * A card: one of checkout-world's CARDS by name (`ok`, `refundFails`, `disputed`…) or a number;
   * `capture: 'manual'` leaves the payment only authorized (intent requires_capture, charge not captured).
   */
  | { card: string; capture?: 'manual' }
  /** A SEPA debit: `settled: false` leaves it pending; a failing IBAN settles as a failed charge. */
  | { iban: string; settled?: boolean };

export type PaidCharge = { charge: ChargeRow; sessionId: string; scope: AccountScope };

export type PaidChargeOptions = {
  now: Date;
  quantity?: number;
  with?: PaidWith;
  email?: string;
  /** The session's own: its customer (an existing one's id), locale and payment_intent_data.receipt_email. */
  customer?: string;
  locale?: string;
  receiptEmail?: string;
};

const sepaForm = (iban: string, email: string) => ({
  method: 'sepa_debit',
  email,
  sepa: { iban, name: 'Jenny Rosen' },
  billing: { country: 'DE', postal_code: '10115' },
});

/**
 * A session of `quantity` units (€25.00 each) paid at `now` by `email` (jenny@example.com), with 4242…
 * unless `with` says otherwise. Returns the charge as it stands after the payment (and the debit's
 * settlement), its session's id and the account's scope.
 */
export async function paidCharge(db: Db, shop: Shop, p: PaidChargeOptions): Promise<PaidCharge> {
  const how = p.with ?? { card: 'ok' };
  const intentData = {
    ...('card' in how && how.capture !== undefined && { capture_method: how.capture }),
    ...(p.receiptEmail !== undefined && { receipt_email: p.receiptEmail }),
  };
  const params = parseParams(createCheckoutSessionSchema, {
    mode: 'payment',
    line_items: [{ price: shop.priceId, quantity: String(p.quantity ?? 1) }],
    success_url: 'https://shop.example/ok',
    ...('iban' in how && { payment_method_types: ['card', 'sepa_debit'] }),
    ...(p.customer !== undefined && { customer: p.customer }),
    ...(p.locale !== undefined && { locale: p.locale }),
    ...(Object.keys(intentData).length > 0 && { payment_intent_data: intentData }),
  });
  const scope = { accountId: shop.accountId };
  const sessionId = (await createSessionRow(db, scope, params, p.now)).id;
  const email = p.email ?? 'jenny@example.com';
  const form = 'iban' in how ? sepaForm(how.iban, email) : payForm(how.card, email);
  const result = await confirmPayment(db, { sessionId, form, clientKey: `paid-${sessionId}`, processor: testProcessor, now: p.now });
  if (result.state !== 'complete') throw new Error(`the payment did not complete: ${JSON.stringify(result)}`);
  if ('iban' in how && how.settled !== false)
    await settleDueDebits(db, new Date(p.now.getTime() + (env().SEPA_TEST_SETTLE_SECONDS + 1) * 1000));
  const intent = present(await paymentIntentForSession(db, sessionId), "the session's payment intent");
  const chargeId = present(intent.latestChargeId, "the intent's charge");
  return { charge: await chargeNow(db, { accountId: shop.accountId, id: chargeId }), sessionId, scope };
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
