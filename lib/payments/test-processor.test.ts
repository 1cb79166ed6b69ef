import { describe, expect, it } from 'vitest';
import { luhnValid } from './card-number';
import { cardFingerprint } from './fingerprint';
import type { ChargeOutcome, ChargeRequest, StoredCard } from './processor';
import { TEST_CARD_NUMBERS, testProcessor } from './test-processor';

const SECRET = 'fp-secret';
const card = (number: string, cvc = '123') => ({ number, expMonth: 12, expYear: 2034, cvc, name: 'Jenny Rosen' });
const request = (number: string, setUpForOffSession = false): ChargeRequest => ({
  attemptId: 'att_test',
  amount: 2000,
  currency: 'usd',
  card: card(number, number.startsWith('37') ? '1234' : '123'),
  setUpForOffSession,
  fingerprintSecret: SECRET,
});
const charge = (number: string, setUpForOffSession = false) => testProcessor.charge(request(number, setUpForOffSession));

function requireCard(outcome: ChargeOutcome): StoredCard {
  if (!outcome.card) throw new Error(`expected a card on ${outcome.status}`);
  return outcome.card;
}

const AUTH_FAILURE = {
  code: 'payment_intent_authentication_failure',
  declineCode: null,
  message: 'We are unable to authenticate your payment method. Please choose a different payment method and try again.',
};

describe('testProcessor.charge — successes', () => {
  it.each([
    ['4242 4242 4242 4242', 'visa', '4242', 'credit'],
    ['5555 5555 5555 4444', 'mastercard', '4444', 'credit'],
    ['3782 822463 10005', 'amex', '0005', 'credit'],
    ['4000 0566 5566 5556', 'visa', '5556', 'debit'],
  ])('%s succeeds as %s ending %s (%s)', async (number, brand, last4, funding) => {
    const outcome = await charge(number);
    expect(outcome).toEqual({
      status: 'succeeded',
      card: {
        brand,
        last4,
        exp_month: 12,
        exp_year: 2034,
        fingerprint: cardFingerprint(number.replace(/ /g, ''), SECRET),
        funding,
        country: 'US',
        three_d_secure: null,
      },
      // What the saved card keeps to be charged again off-session: how it behaves then, never the number.
      reusable: { off_session: 'succeed' },
    });
  });
});

describe('testProcessor — saved cards charged off-session', () => {
  it('4000 0000 0000 0341 is saved when nothing is charged (a trial), declined for any amount, and declined again off-session', async () => {
    const saved = await testProcessor.charge({ ...request('4000000000000341'), amount: 0 });
    if (saved.status !== 'succeeded') throw new Error(`expected succeeded, got ${saved.status}`);
    expect(saved.reusable).toEqual({ off_session: 'generic_decline' });
    expect(JSON.stringify(saved)).not.toContain('4000000000000341');
    expect(await charge('4000000000000341')).toMatchObject({
      status: 'failed',
      decline: { code: 'card_declined', declineCode: 'generic_decline' },
    });
    const later = await testProcessor.chargeSaved({
      attemptId: 'att_later',
      amount: 900,
      currency: 'eur',
      card: saved.card,
      reusable: saved.reusable ?? null,
    });
    expect(later).toMatchObject({ status: 'failed', decline: { code: 'card_declined', declineCode: 'generic_decline' } });
  });

  it('4242… charged again off-session succeeds; a card that always asks for 3-D Secure fails with authentication_required', async () => {
    const ok = await charge('4242424242424242');
    if (ok.status !== 'succeeded') throw new Error('expected succeeded');
    expect(
      await testProcessor.chargeSaved({ attemptId: 'a1', amount: 900, currency: 'eur', card: ok.card, reusable: ok.reusable ?? null }),
    ).toMatchObject({
      status: 'succeeded',
    });
    const challenged = await charge('4000002760003184');
    if (challenged.status !== 'requires_action') throw new Error('expected requires_action');
    const authenticated = await testProcessor.completeAuthentication({
      attemptId: 'a2',
      resume: challenged.resume,
      result: 'complete',
      card: challenged.card,
    });
    if (authenticated.status !== 'succeeded') throw new Error('expected succeeded');
    expect(
      await testProcessor.chargeSaved({
        attemptId: 'a3',
        amount: 900,
        currency: 'eur',
        card: authenticated.card,
        reusable: authenticated.reusable ?? null,
      }),
    ).toMatchObject({ status: 'failed', decline: { code: 'authentication_required' } });
  });
});

describe('testProcessor.charge — declines', () => {
  it.each([
    ['4000000000000002', 'card_declined', 'generic_decline', 'Your card was declined.'],
    ['4000000000009995', 'card_declined', 'insufficient_funds', 'Your card has insufficient funds.'],
    ['4000000000009987', 'card_declined', 'lost_card', 'Your card was declined.'],
    ['4000000000009979', 'card_declined', 'stolen_card', 'Your card was declined.'],
    ['4000000000000069', 'expired_card', 'expired_card', 'Your card has expired.'],
    ['4000000000000127', 'incorrect_cvc', 'incorrect_cvc', "Your card's security code is incorrect."],
    [
      '4000000000000119',
      'processing_error',
      'processing_error',
      'An error occurred while processing your card. Try again in a little bit.',
    ],
  ])('%s → %s / %s', async (number, code, declineCode, message) => {
    const outcome = await charge(number);
    expect(outcome).toMatchObject({ status: 'failed', decline: { code, declineCode, message } });
    // Declined cards are still recorded (as Stripe keeps the payment method), minus the number.
    expect(requireCard(outcome)).toMatchObject({ brand: 'visa', last4: number.slice(-4), country: 'US', three_d_secure: null });
  });

  it('4242 4242 4242 4241 fails Luhn → incorrect_number, with no card kept', async () => {
    expect(await charge('4242424242424241')).toEqual({
      status: 'failed',
      card: null,
      decline: { code: 'incorrect_number', declineCode: null, message: 'Your card number is incorrect.' },
    });
  });

  it('refuses a real card even if the caller skipped screen(), keeping nothing', async () => {
    const outcome = await charge('4111111111111111');
    expect(outcome).toMatchObject({ status: 'failed', card: null, decline: { code: 'card_declined', declineCode: 'test_mode_live_card' } });
  });
});

describe('testProcessor — 3-D Secure cards', () => {
  it.each([
    ['4000002500003155', 'succeeded', null],
    ['4000002760003184', 'succeeded', null],
    ['4000000000003220', 'succeeded', null],
    [
      '4000008260003178',
      'failed',
      { code: 'card_declined', declineCode: 'insufficient_funds', message: 'Your card has insufficient funds.' },
    ],
    ['4000008400001629', 'failed', { code: 'card_declined', declineCode: 'generic_decline', message: 'Your card was declined.' }],
  ])('%s asks for a challenge, then completes as %s', async (number, finalStatus, decline) => {
    const first = await charge(number);
    if (first.status !== 'requires_action') throw new Error(`expected requires_action, got ${first.status}`);
    expect(first.card.three_d_secure).toBeNull();
    // The resume state is only the scripted outcome: nothing about the card itself.
    expect(Object.keys(first.resume).sort()).toEqual(['after', 'off_session']);
    expect(JSON.stringify(first)).not.toContain(number);

    const done = await testProcessor.completeAuthentication({
      attemptId: 'att_test',
      resume: first.resume,
      result: 'complete',
      card: first.card,
    });
    expect(done.status).toBe(finalStatus);
    expect(requireCard(done)).toEqual({ ...first.card, three_d_secure: 'authenticated' });
    if (decline) expect(done).toMatchObject({ decline });
  });

  it.each(['4000002500003155', '4000002760003184', '4000008260003178', '4000008400001629', '4000000000003220'])(
    '%s: a failed challenge → payment_intent_authentication_failure',
    async (number) => {
      const first = await charge(number);
      if (first.status !== 'requires_action') throw new Error('expected requires_action');
      expect(
        await testProcessor.completeAuthentication({ attemptId: 'att_test', resume: first.resume, result: 'fail', card: first.card }),
      ).toEqual({
        status: 'failed',
        card: { ...first.card, three_d_secure: 'failed' },
        decline: AUTH_FAILURE,
      });
    },
  );

  it('3155 needs no challenge once set up for off-session use', async () => {
    const outcome = await charge('4000002500003155', true);
    expect(outcome.status).toBe('succeeded');
    expect(requireCard(outcome).three_d_secure).toBe('not_required');
  });

  it.each(['4000002760003184', '4000008260003178', '4000008400001629', '4000000000003220'])(
    '%s asks for a challenge even when set up for off-session use',
    async (number) => {
      expect((await charge(number, true)).status).toBe('requires_action');
    },
  );

  it('3055 supports 3-D Secure but succeeds without a challenge', async () => {
    const outcome = await charge('4000000000003055');
    expect(outcome.status).toBe('succeeded');
    expect(requireCard(outcome).three_d_secure).toBe('not_required');
  });

  it('throws on resume state it did not write', async () => {
    const stored = requireCard(await charge('4242424242424242'));
    await expect(
      testProcessor.completeAuthentication({ attemptId: 'att_test', resume: {}, result: 'complete', card: stored }),
    ).rejects.toThrow(/resume/);
    await expect(
      testProcessor.completeAuthentication({ attemptId: 'att_test', resume: { after: 'refund' }, result: 'complete', card: stored }),
    ).rejects.toThrow(/resume/);
  });
});

describe('testProcessor — after the payment', () => {
  const refundOf = (chargeState: Record<string, string> | null) =>
    testProcessor.refund({ refundId: 're_1', attemptId: 'att_1', amount: 500, currency: 'eur', chargeState });

  it('5126 succeeds, and its refunds look successful, then fail with expired_or_canceled_card', async () => {
    const outcome = await charge('4000000000005126');
    expect(outcome.status).toBe('succeeded');
    const state = outcome.status === 'succeeded' ? (outcome.chargeState ?? null) : null;
    const refund = await refundOf(state);
    expect(refund.status).toBe('succeeded');
    expect(refund.later).toMatchObject({ status: 'failed', failureReason: 'expired_or_canceled_card' });
    expect(testProcessor.disputeAfterCharge(state)).toBeNull();
  });

  it('0259 succeeds, then is disputed as fraudulent; its refunds succeed', async () => {
    const outcome = await charge('4000000000000259');
    const state = outcome.status === 'succeeded' ? (outcome.chargeState ?? null) : null;
    expect(testProcessor.disputeAfterCharge(state)).toMatchObject({ reason: 'fraudulent' });
    expect(await refundOf(state)).toEqual({ status: 'succeeded', later: null });
  });

  it('an ordinary card is neither disputed nor refused a refund', async () => {
    const outcome = await charge('4242424242424242');
    const state = outcome.status === 'succeeded' ? (outcome.chargeState ?? null) : null;
    expect(state).toBeNull();
    expect(testProcessor.disputeAfterCharge(state)).toBeNull();
    expect(await refundOf(state)).toEqual({ status: 'succeeded', later: null });
  });

  it('decides a dispute on "winning_evidence" or "losing_evidence" in any text, and keeps reviewing otherwise', () => {
    expect(testProcessor.reviewDispute({ uncategorized_text: 'winning_evidence' })).toMatchObject({ status: 'won' });
    expect(testProcessor.reviewDispute({ product_description: 'see losing_evidence', receipt: null })).toMatchObject({ status: 'lost' });
    expect(testProcessor.reviewDispute({ uncategorized_text: 'we shipped it' })).toBeNull();
  });
});

describe('testProcessor.screen', () => {
  it.each([...TEST_CARD_NUMBERS, '4242 4242 4242 4242', '4242424242424241'])('lets test card %s through', (number) => {
    expect(testProcessor.screen(card(number))).toBeNull();
  });

  it.each(['4111111111111111', '4111 1111 1111 1111', '5105105105105100', '371449635398431', '6011111111111117', '4000000000000010'])(
    'refuses the real-looking, Luhn-valid %s',
    (number) => {
      expect(testProcessor.screen(card(number))).toBe('card.test_mode_only');
    },
  );

  it('leaves Luhn failures and garbage to charge(), which answers incorrect_number', async () => {
    expect(testProcessor.screen(card('4242424242424243'))).toBeNull();
    expect(testProcessor.screen(card('not a card'))).toBeNull();
    expect((await charge('not a card')).status).toBe('failed');
  });

  it('covers the 20 Luhn-valid numbers of the table (6 successes, 7 declines, 6 for 3-D Secure, 1 that saves and never pays)', () => {
    expect(TEST_CARD_NUMBERS).toHaveLength(20);
    for (const number of TEST_CARD_NUMBERS) expect(luhnValid(number)).toBe(true);
  });
});

describe('testProcessor — card data', () => {
  it('never returns the full number or the CVC', async () => {
    for (const number of TEST_CARD_NUMBERS) {
      const outcome = await charge(number);
      const text = JSON.stringify(outcome);
      expect(text).not.toContain(number);
      expect(text).not.toMatch(/"cvc"|"number"/);
    }
  });

  it('keeps the same fingerprint for the same card, whatever the spacing', async () => {
    const a = requireCard(await charge('4242424242424242'));
    const b = requireCard(await charge('4242 4242-4242 4242'));
    expect(a.fingerprint).toBe(b.fingerprint);
  });
});
