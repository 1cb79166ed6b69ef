import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { newMerchant } from '../support/merchant';
import { paidSession } from '../support/paid-session';
import { runPython } from './python-stripe';

// After the payment, in Python as Stripe's docs write it (python3-stripe 5.0's class methods): a
// partial refund, the refunds listed, the charge read with its PaymentIntent expanded, a hold captured
// for less, and the dispute Stripe's test card 4000 0000 0000 0259 brings. The sessions are paid on
// their hosted pages first; the script gets their PaymentIntents.

const SCRIPT = String.raw`
paid = os.environ["PAID_INTENT"]
held = os.environ["HELD_INTENT"]
disputed = os.environ["DISPUTED_INTENT"]

refund = stripe.Refund.create(payment_intent=paid, amount=1000)
refunds = stripe.Refund.list(payment_intent=paid)
charge = stripe.Charge.retrieve(refund.charge, expand=["payment_intent"])

captured = stripe.PaymentIntent.capture(held, amount_to_capture=750)

# The dispute opens seconds after the payment: ask again until it is there, for 45 seconds at most.
deadline = time.monotonic() + 45
found = stripe.Dispute.list(payment_intent=disputed)
while not found.data and time.monotonic() < deadline:
    time.sleep(0.25)
    found = stripe.Dispute.list(payment_intent=disputed)
dispute = stripe.Dispute.retrieve(found.data[0].id) if found.data else None

print(json.dumps({
    "refund": {k: refund[k] for k in ("id", "object", "amount", "currency", "status", "payment_intent", "charge")},
    "refunds": [[r.id, r.amount] for r in refunds.data],
    "charge": {
        "id": charge.id,
        "amount_refunded": charge.amount_refunded,
        "refunded": charge.refunded,
        "payment_intent": {"id": charge.payment_intent.id, "object": charge.payment_intent.object},
        "card": {"brand": charge.payment_method_details.card.brand, "last4": charge.payment_method_details.card.last4},
    },
    "captured": {k: captured[k] for k in ("id", "status", "amount", "amount_received", "amount_capturable")},
    "dispute": dispute and {k: dispute[k] for k in ("id", "object", "status", "reason", "amount", "charge", "payment_intent")},
}))
`;

type Out = {
  refund: Record<string, unknown> & { id: string; charge: string };
  refunds: [string, number][];
  charge: Record<string, unknown>;
  captured: Record<string, unknown>;
  dispute: (Record<string, unknown> & { id: string }) | null;
};

describe("Stripe's Python library after the payment", () => {
  it('refunds €10.00 of a paid session, lists the refunds, reads the charge with expand, captures a hold for less and reads the dispute of a 0259 payment', async () => {
    const m = await newMerchant();
    const { stripe } = m;
    const paid = (await paidSession(stripe)).paymentIntentId;
    const held = (await paidSession(stripe, { params: { payment_intent_data: { capture_method: 'manual' } }, unitAmount: 1099 }))
      .paymentIntentId;
    const disputed = (await paidSession(stripe, { card: '4000000000000259' })).paymentIntentId;

    const out = (await runPython(m, SCRIPT, { PAID_INTENT: paid, HELD_INTENT: held, DISPUTED_INTENT: disputed })) as Out;

    expect(out.refund).toMatchObject({ object: 'refund', amount: 1000, currency: 'eur', status: 'succeeded', payment_intent: paid });
    expect(out.refunds).toEqual([[out.refund.id, 1000]]);
    expect(out.charge).toEqual({
      id: out.refund.charge,
      amount_refunded: 1000,
      refunded: false,
      payment_intent: { id: paid, object: 'payment_intent' },
      card: { brand: 'visa', last4: '4242' },
    });
    expect(out.captured).toEqual({ id: held, status: 'succeeded', amount: 1099, amount_received: 750, amount_capturable: 0 });
    expect(out.dispute).toMatchObject({ object: 'dispute', status: 'needs_response', reason: 'fraudulent', payment_intent: disputed });

    // The Node SDK sees what Python did.
    const dispute = await stripe.disputes.retrieve((out.dispute as { id: string }).id);
    expect(dispute.amount).toBe(2500);
    expect((await stripe.refunds.list({ payment_intent: paid })).data.map((r: Stripe.Refund) => r.id)).toEqual([out.refund.id]);
    expect(await stripe.charges.retrieve((await stripe.paymentIntents.retrieve(held)).latest_charge as string)).toMatchObject({
      captured: true,
      amount_captured: 750,
    });
  }, 120_000);
});
