import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { newMerchant } from '../support/merchant';
import { docsCurl } from './docs-curl';
import { paidSession } from '../support/paid-session';

// The dispute commands of Stripe's API reference (docs.stripe.com/api/disputes/*, as printed for
// 2025-04-30.basil) and of its guide "Use the API to respond to disputes" (docs.stripe.com/disputes/api),
// pasted as they are: only the host, the key and the ids change (docsCurl). The disputes come from
// Stripe's test card 4000 0000 0000 0259, whose payment is disputed as fraudulent seconds later.

const LIST = String.raw`
curl -G https://api.stripe.com/v1/disputes \
  -u "<<YOUR_SECRET_KEY>>" \
  -H "Stripe-Version: 2025-04-30.basil" \
  -d limit=3
`;

const RETRIEVE = String.raw`
curl https://api.stripe.com/v1/disputes/{{DISPUTE_ID}} \
  -u "<<YOUR_SECRET_KEY>>" \
  -H "Stripe-Version: 2025-04-30.basil"
`;

const UPDATE_METADATA = String.raw`
curl https://api.stripe.com/v1/disputes/{{DISPUTE_ID}} \
  -u "<<YOUR_SECRET_KEY>>" \
  -H "Stripe-Version: 2025-04-30.basil" \
  -d "metadata[order_id]"=6735
`;

// The guide's retrieve, and its update with the evidence its example dispute shows.
const GUIDE_RETRIEVE = String.raw`
curl https://api.stripe.com/v1/disputes/{{DISPUTE_ID}} \
  -u "<<YOUR_SECRET_KEY>>:"
`;

const GUIDE_UPDATE_EVIDENCE = String.raw`
curl https://api.stripe.com/v1/disputes/{{DISPUTE_ID}} \
  -u "<<YOUR_SECRET_KEY>>:" \
  -d "evidence[customer_name]"="Jane Austen" \
  -d "evidence[customer_purchase_ip]"="127.0.0.1" \
  -d "evidence[product_description]"="Widget ABC, color: red" \
  -d "evidence[shipping_tracking_number]"=Z01234567890 \
  -d "evidence[uncategorized_text]"="Additional notes and comments"
`;

const CLOSE = String.raw`
curl -X POST https://api.stripe.com/v1/disputes/{{DISPUTE_ID}}/close \
  -u "<<YOUR_SECRET_KEY>>" \
  -H "Stripe-Version: 2025-04-30.basil"
`;

const SLOW = 90_000;
const POLL = { timeout: 45_000, interval: 250 };

/** A merchant whose customer paid with the dispute test card; resolves once the dispute has opened. */
async function disputedPayment() {
  const merchant = await newMerchant();
  const paymentIntent = (await paidSession(merchant.stripe, { card: '4000000000000259' })).paymentIntentId;
  const opened = async () => (await merchant.stripe.disputes.list({ payment_intent: paymentIntent })).data;
  await expect.poll(async () => (await opened()).length, POLL).toBe(1);
  const [dispute] = await opened();
  return { ...merchant, paymentIntent, dispute };
}

describe("dispute curl commands from Stripe's docs", () => {
  it(
    'a merchant lists, reads and tags a fraudulent dispute → needs_response, tagged, nothing submitted',
    async () => {
      const { secretKey: key, paymentIntent, dispute } = await disputedPayment();

      const listed = await docsCurl(LIST, { key });
      expect(listed.status).toBe(200);
      expect(listed.body).toEqual({ object: 'list', url: '/v1/disputes', has_more: false, data: [JSON.parse(JSON.stringify(dispute))] });

      const read = await docsCurl(RETRIEVE, { key, ids: { DISPUTE_ID: dispute.id } });
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({
        id: dispute.id,
        object: 'dispute',
        status: 'needs_response',
        reason: 'fraudulent',
        payment_intent: paymentIntent,
        evidence_details: { has_evidence: false, submission_count: 0 },
      });
      expect(await docsCurl(GUIDE_RETRIEVE, { key, ids: { DISPUTE_ID: dispute.id } })).toEqual(read);

      const tagged = await docsCurl(UPDATE_METADATA, { key, ids: { DISPUTE_ID: dispute.id } });
      expect(tagged.status).toBe(200);
      // Metadata alone submits nothing: the dispute still waits for evidence.
      expect(tagged.body).toEqual({ ...(read.body as object), metadata: { order_id: '6735' } });
    },
    SLOW,
  );

  it(
    'the guide’s evidence curl → the evidence as sent, submitted once, the dispute under review',
    async () => {
      const { stripe, secretKey: key, dispute } = await disputedPayment();
      const { status, body } = await docsCurl(GUIDE_UPDATE_EVIDENCE, { key, ids: { DISPUTE_ID: dispute.id } });
      expect(status).toBe(200);
      const updated = body as Stripe.Dispute;
      expect(updated).toMatchObject({
        id: dispute.id,
        status: 'under_review',
        evidence: {
          customer_name: 'Jane Austen',
          customer_purchase_ip: '127.0.0.1',
          product_description: 'Widget ABC, color: red',
          shipping_tracking_number: 'Z01234567890',
          uncategorized_text: 'Additional notes and comments',
          receipt: null,
        },
        evidence_details: { has_evidence: true, submission_count: 1 },
      });
      expect(JSON.parse(JSON.stringify(await stripe.disputes.retrieve(dispute.id)))).toEqual(updated);
    },
    SLOW,
  );

  it(
    'the reference’s close curl → the dispute accepted as lost',
    async () => {
      const { stripe, secretKey: key, dispute } = await disputedPayment();
      const { status, body } = await docsCurl(CLOSE, { key, ids: { DISPUTE_ID: dispute.id } });
      expect(status).toBe(200);
      expect(body).toMatchObject({ id: dispute.id, object: 'dispute', status: 'lost' });
      expect((await stripe.disputes.retrieve(dispute.id)).status).toBe('lost');
    },
    SLOW,
  );
});
