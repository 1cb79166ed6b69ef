import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api/errors';
import { useCheckoutDatabase } from '@/lib/checkout/testing/checkout-db';
import { closeDispute } from './close-dispute';
import { decideDueDisputes } from './decide-due-disputes';
import { listDisputes, retrieveDispute } from './dispute-reads';
import { evidenceDueBy, openDueDisputes } from './open-due-disputes';
import type { PaymentProcessor } from '../processor';
import { disputedPayment, disputeEventTypes, disputeState } from '../testing/disputed-payment';
import { testProcessor } from '../test-processor';
import { updateDispute } from './update-dispute';
import { createRefund } from '../refunds/create-refund';

const db = useCheckoutDatabase('caisse_disputes');
const T0 = new Date('2026-06-01T12:00:00Z');
const later = (d: Date, seconds: number) => new Date(d.getTime() + seconds * 1000);

async function openedDispute() {
  const paid = await disputedPayment(db(), T0);
  await openDueDisputes(db(), paid.openAt);
  return { ...paid, scope: { accountId: paid.accountId } };
}

async function refusal(promise: Promise<unknown>): Promise<ApiError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(err)}`);
  return err;
}

describe('a disputed payment', () => {
  it('is announced at payment, invisible until the processor opens it 3 s later, then needs a response with the money withdrawn', async () => {
    const paid = await disputedPayment(db(), T0);
    const scope = { accountId: paid.accountId };
    await openDueDisputes(db(), later(paid.openAt, -1));
    expect((await disputeState(db(), paid)).dispute).toMatchObject({ status: null, pending: { status: 'needs_response' } });
    expect((await refusal(retrieveDispute(db(), { ...scope, id: paid.disputeId }))).status).toBe(404);
    expect((await listDisputes(db(), scope, {})).data).toEqual([]);

    await openDueDisputes(db(), paid.openAt);
    await openDueDisputes(db(), later(paid.openAt, 1));
    const { dispute, charge } = await disputeState(db(), paid);
    expect(dispute).toMatchObject({ status: 'needs_response', fundsWithdrawn: true, dueAt: null, pending: null, createdAt: paid.openAt });
    expect(dispute.evidenceDueBy).toEqual(new Date('2026-06-20T23:59:59Z'));
    expect(charge.disputed).toBe(true);
    expect(await disputeEventTypes(db(), paid.accountId)).toEqual(['charge.dispute.created', 'charge.dispute.funds_withdrawn']);

    const shown = await retrieveDispute(db(), { ...scope, id: paid.disputeId });
    expect(shown).toMatchObject({
      object: 'dispute',
      status: 'needs_response',
      reason: 'fraudulent',
      charge: paid.chargeId,
      amount: 2500,
      currency: 'eur',
      balance_transactions: [],
      is_charge_refundable: false,
      evidence_details: { due_by: Date.parse('2026-06-20T23:59:59Z') / 1000, has_evidence: false, past_due: false, submission_count: 0 },
      payment_method_details: { type: 'card', card: { brand: 'visa', case_type: 'chargeback', network_reason_code: '10.4' } },
    });
    expect(Object.values(shown.evidence).filter((v) => v !== null)).toEqual([{}]);
    expect((await listDisputes(db(), scope, { charge: paid.chargeId })).data.map((d) => d.id)).toEqual([paid.disputeId]);
    expect((await listDisputes(db(), scope, { payment_intent: 'pi_other' })).data).toEqual([]);
  });

  it('an authorization never captured is not disputed: the announcement lapses, nothing is recorded', async () => {
    const paid = await disputedPayment(db(), T0, { capture: 'manual' });
    await openDueDisputes(db(), paid.openAt);
    const { dispute, charge } = await disputeState(db(), paid);
    expect(dispute).toMatchObject({ status: null, dueAt: null, pending: null });
    expect(charge.disputed).toBe(false);
    expect(await disputeEventTypes(db(), paid.accountId)).toEqual([]);
  });

  it('refunded before the processor opens it: in part → disputed for what is left; in full → the announcement lapses (review finding)', async () => {
    // The customer never gets back more than was captured: a refund and a chargeback of the same money would pay them twice.
    const partly = await disputedPayment(db(), T0);
    await createRefund(db(), { accountId: partly.accountId }, { charge: partly.chargeId, amount: 1000 }, { now: T0 });
    const fully = await disputedPayment(db(), T0);
    await createRefund(db(), { accountId: fully.accountId }, { charge: fully.chargeId }, { now: T0 });
    await openDueDisputes(db(), partly.openAt);

    expect((await disputeState(db(), partly)).dispute).toMatchObject({ status: 'needs_response', amount: 1500, fundsWithdrawn: true });
    expect((await retrieveDispute(db(), { accountId: partly.accountId, id: partly.disputeId })).amount).toBe(1500);
    const { dispute, charge } = await disputeState(db(), fully);
    expect(dispute).toMatchObject({ status: null, dueAt: null, pending: null, fundsWithdrawn: false });
    expect(charge).toMatchObject({ disputed: false, amountRefunded: 2500 });
    expect(await disputeEventTypes(db(), fully.accountId)).toEqual([]);
  });

  it('evidence due by: the end of the UTC day 19 days after opening', () => {
    expect(evidenceDueBy(new Date('2026-01-31T00:00:01Z'))).toEqual(new Date('2026-02-19T23:59:59Z'));
    expect(evidenceDueBy(new Date('2026-12-20T23:59:59Z'))).toEqual(new Date('2027-01-08T23:59:59Z'));
  });

  it('staged evidence merges field by field; submitting with "winning_evidence" → under review, then won 3 s later, money reinstated', async () => {
    const { scope, disputeId, accountId } = await openedDispute();
    const t = later(T0, 10);
    await updateDispute(
      db(),
      scope,
      disputeId,
      { evidence: { customer_name: 'Jenny Rosen', billing_address: 'Paris' }, submit: false },
      { now: t },
    );
    const staged = await updateDispute(
      db(),
      scope,
      disputeId,
      { evidence: { billing_address: null, product_description: 'A lamp' }, metadata: { case: '7' }, submit: false },
      { now: t },
    );
    expect(staged).toMatchObject({
      status: 'needs_response',
      metadata: { case: '7' },
      evidence_details: { has_evidence: true, submission_count: 0 },
    });
    expect(staged.evidence).toMatchObject({ customer_name: 'Jenny Rosen', billing_address: null, product_description: 'A lamp' });

    const submitted = await updateDispute(db(), scope, disputeId, { evidence: { uncategorized_text: 'winning_evidence' } }, { now: t });
    expect(submitted).toMatchObject({ status: 'under_review', evidence_details: { submission_count: 1, submission_method: 'manual' } });
    expect(submitted.evidence).toMatchObject({
      customer_name: 'Jenny Rosen',
      product_description: 'A lamp',
      uncategorized_text: 'winning_evidence',
    });
    expect((await disputeState(db(), { accountId, disputeId })).dispute).toMatchObject({ dueAt: later(t, 3), pending: { status: 'won' } });

    await decideDueDisputes(db(), later(t, 2));
    expect((await disputeState(db(), { accountId, disputeId })).dispute.status).toBe('under_review');
    await decideDueDisputes(db(), later(t, 3));
    await decideDueDisputes(db(), later(t, 4));
    const { dispute } = await disputeState(db(), { accountId, disputeId });
    expect(dispute).toMatchObject({ status: 'won', fundsWithdrawn: false, dueAt: null, pending: null });
    expect(await disputeEventTypes(db(), accountId)).toEqual([
      'charge.dispute.created',
      'charge.dispute.funds_withdrawn',
      'charge.dispute.updated',
      'charge.dispute.updated',
      'charge.dispute.updated',
      'charge.dispute.closed',
      'charge.dispute.funds_reinstated',
    ]);
    const closed = await refusal(updateDispute(db(), scope, disputeId, { metadata: { late: 'yes' } }, { now: later(t, 5) }));
    expect(closed).toMatchObject({
      status: 400,
      type: 'invalid_request_error',
      message: expect.stringMatching(/already closed/) as unknown,
    });
    expect((await retrieveDispute(db(), { ...scope, id: disputeId })).is_charge_refundable).toBe(true);
  });

  it('"losing_evidence" → lost 3 s later; the money stays with the customer', async () => {
    const { scope, disputeId, accountId } = await openedDispute();
    const t = later(T0, 20);
    await updateDispute(db(), scope, disputeId, { evidence: { uncategorized_text: 'losing_evidence' } }, { now: t });
    await decideDueDisputes(db(), later(t, 3));
    expect((await disputeState(db(), { accountId, disputeId })).dispute).toMatchObject({ status: 'lost', fundsWithdrawn: true });
    expect((await disputeEventTypes(db(), accountId)).slice(-2)).toEqual(['charge.dispute.updated', 'charge.dispute.closed']);
  });

  it('evidence the processor does not decide on stays under review; no more evidence is taken, metadata still is', async () => {
    const { scope, disputeId, accountId } = await openedDispute();
    await updateDispute(db(), scope, disputeId, { evidence: { uncategorized_text: 'Delivered.' } }, { now: later(T0, 5) });
    expect((await disputeState(db(), { accountId, disputeId })).dispute).toMatchObject({ status: 'under_review', dueAt: null });
    const again = await refusal(updateDispute(db(), scope, disputeId, { evidence: { customer_name: 'J' } }, { now: later(T0, 6) }));
    expect(again.message).toMatch(/under review/);
    expect((await refusal(updateDispute(db(), scope, disputeId, { submit: true }, { now: later(T0, 7) }))).message).toMatch(/under review/);
    expect((await updateDispute(db(), scope, disputeId, { metadata: { note: 'x' } })).metadata).toEqual({ note: 'x' });
    expect((await refusal(closeDispute(db(), scope, disputeId))).message).toMatch(/under review/);
  });

  it('two submits at once → one transition, one submission; the other is told the dispute is under review', async () => {
    const { scope, disputeId, accountId } = await openedDispute();
    const submit = (text: string) =>
      updateDispute(db(), scope, disputeId, { evidence: { uncategorized_text: text } }, { now: later(T0, 8) });
    const results = await Promise.allSettled([submit('winning_evidence'), submit('losing_evidence')]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const { dispute } = await disputeState(db(), { accountId, disputeId });
    expect(dispute).toMatchObject({ status: 'under_review', submissionCount: 1 });
    expect((await disputeEventTypes(db(), accountId)).filter((t) => t === 'charge.dispute.updated')).toHaveLength(1);
  });

  it('closing accepts the loss: needs_response → lost, once; a closed dispute takes no update', async () => {
    const { scope, disputeId, accountId } = await openedDispute();
    expect(await closeDispute(db(), scope, disputeId)).toMatchObject({ status: 'lost', is_charge_refundable: false });
    expect((await refusal(closeDispute(db(), scope, disputeId))).message).toMatch(/already closed/);
    expect((await refusal(updateDispute(db(), scope, disputeId, { evidence: { customer_name: 'x' } }))).message).toMatch(/already closed/);
    expect((await disputeEventTypes(db(), accountId)).slice(-1)).toEqual(['charge.dispute.closed']);
  });

  it("refuses: nothing to submit, a submission past the due date, another account's dispute; a failing processor changes nothing", async () => {
    const { scope, disputeId, accountId } = await openedDispute();
    expect(await refusal(updateDispute(db(), scope, disputeId, { submit: true }, { now: later(T0, 7) }))).toMatchObject({
      param: 'evidence',
    });
    const late = new Date('2026-06-21T00:00:00Z');
    const tooLate = await refusal(updateDispute(db(), scope, disputeId, { evidence: { customer_name: 'J' } }, { now: late }));
    expect(tooLate.message).toMatch(/due date/);
    const other = await disputedPayment(db(), T0);
    expect(await refusal(updateDispute(db(), { accountId: other.accountId }, disputeId, { metadata: { a: 'b' } }))).toMatchObject({
      status: 404,
      code: 'resource_missing',
    });
    const broken: PaymentProcessor = {
      ...testProcessor,
      reviewDispute: () => {
        throw new Error('processor down');
      },
    };
    await expect(
      updateDispute(db(), scope, disputeId, { evidence: { customer_name: 'J' } }, { processor: broken, now: later(T0, 9) }),
    ).rejects.toThrow('processor down');
    const { dispute } = await disputeState(db(), { accountId, disputeId });
    expect(dispute).toMatchObject({ status: 'needs_response', submissionCount: 0, evidence: {} });
  });
});
