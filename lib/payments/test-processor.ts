import { detectBrand, luhnValid, normalizeCardNumber } from './card-number';
import { STRIPE_DECLINES, type StripeDeclineName } from './decline-messages';
import { cardFingerprint } from './fingerprint';
import { countedProcessor } from './counted-processor';
import type { CardInput, ChargeOutcome, ChargeRequest, PaymentProcessor, StoredCard } from './processor';

/**
 * The test-mode processor: Stripe's test cards (docs/reference/stripe-compat.md,
 * "Test cards"), behaving as Stripe does in test mode. No money moves and
 * nothing is logged; the card number never leaves `charge`.
 */

/** What to do once the customer has passed the 3-D Secure challenge. */
type After = 'succeed' | 'insufficient_funds' | 'card_declined';
const AFTER_VALUES: readonly string[] = ['succeed', 'insufficient_funds', 'card_declined'] satisfies After[];
const isAfter = (value: string | undefined): value is After => value !== undefined && AFTER_VALUES.includes(value);

/** What a card does after it was charged: its refunds fail, or its payment is disputed. */
type AfterPayment = 'refund_fails' | 'disputed_fraudulent';

type Behaviour =
  | { kind: 'succeed'; threeDSecure?: 'not_required'; after?: AfterPayment }
  // Stripe's 4000 0000 0000 0341: saving it succeeds (a trial, a setup), every charge is declined.
  | { kind: 'attach_only' }
  | { kind: 'decline'; decline: StripeDeclineName }
  | { kind: 'challenge'; after: After; skipWhenSetUpForOffSession?: true };

type TestCard = { behaviour: Behaviour; funding?: 'debit' };

const TEST_CARDS: ReadonlyMap<string, TestCard> = new Map<string, TestCard>([
  ['4242424242424242', { behaviour: { kind: 'succeed' } }],
  ['5555555555554444', { behaviour: { kind: 'succeed' } }],
  ['378282246310005', { behaviour: { kind: 'succeed' } }],
  ['4000056655665556', { behaviour: { kind: 'succeed' }, funding: 'debit' }],
  ['4000000000000002', { behaviour: { kind: 'decline', decline: 'generic_decline' } }],
  ['4000000000009995', { behaviour: { kind: 'decline', decline: 'insufficient_funds' } }],
  ['4000000000009987', { behaviour: { kind: 'decline', decline: 'lost_card' } }],
  ['4000000000009979', { behaviour: { kind: 'decline', decline: 'stolen_card' } }],
  ['4000000000000069', { behaviour: { kind: 'decline', decline: 'expired_card' } }],
  ['4000000000000127', { behaviour: { kind: 'decline', decline: 'incorrect_cvc' } }],
  ['4000000000000119', { behaviour: { kind: 'decline', decline: 'processing_error' } }],
  // 4242424242424241 is in the table too, but as a Luhn failure: see `charge`.
  ['4000002500003155', { behaviour: { kind: 'challenge', after: 'succeed', skipWhenSetUpForOffSession: true } }],
  ['4000002760003184', { behaviour: { kind: 'challenge', after: 'succeed' } }],
  ['4000008260003178', { behaviour: { kind: 'challenge', after: 'insufficient_funds' } }],
  ['4000008400001629', { behaviour: { kind: 'challenge', after: 'card_declined' } }],
  ['4000000000003220', { behaviour: { kind: 'challenge', after: 'succeed' } }],
  ['4000000000003055', { behaviour: { kind: 'succeed', threeDSecure: 'not_required' } }],
  ['4000000000005126', { behaviour: { kind: 'succeed', after: 'refund_fails' } }],
  ['4000000000000259', { behaviour: { kind: 'succeed', after: 'disputed_fraudulent' } }],
  ['4000000000000341', { behaviour: { kind: 'attach_only' } }],
]);

/**
 * How a saved card answers when it is charged again (`chargeSaved`): it succeeds, is declined (with the
 * card's own reason), or needs its holder to authenticate (declined off-session, challenged on-session).
 */
type Saved = 'succeed' | 'generic_decline' | 'decline' | 'authentication_required';

/**
 * What the saved method keeps: how it behaves when charged again, and what its charges do afterwards.
 * `setUp`: the card passed its challenge when it was saved, which exempts 3155 (and only it) afterwards.
 */
function reusableOf(b: Behaviour, setUp: boolean): Record<string, string> {
  switch (b.kind) {
    case 'succeed':
      return { off_session: 'succeed' satisfies Saved, ...(b.after ? { after: b.after } : {}) };
    case 'attach_only':
      return { off_session: 'generic_decline' satisfies Saved };
    case 'decline':
      return { off_session: 'decline' satisfies Saved, decline: b.decline };
    case 'challenge':
      // 3155 asks once, when it is set up; the others ask on every payment, and off-session no one can answer.
      return setUp && b.skipWhenSetUpForOffSession
        ? { off_session: 'succeed' satisfies Saved }
        : { off_session: 'authentication_required' satisfies Saved, challenge_after: b.after };
  }
}

const isDeclineName = (name: string | undefined): name is StripeDeclineName => name !== undefined && Object.hasOwn(STRIPE_DECLINES, name);

/** How long the test processor takes to report what happens after a payment: "some seconds later", as in Stripe's test mode. */
export const TEST_FOLLOW_UP_MS = 3000;

/** The numbers of the test-card table that are Luhn-valid (all but 4242…4241). */
export const TEST_CARD_NUMBERS: readonly string[] = [...TEST_CARDS.keys()];

function storedCard(digits: string, card: CardInput, test: TestCard, secret: string): StoredCard {
  return {
    brand: detectBrand(digits),
    last4: digits.slice(-4),
    exp_month: card.expMonth,
    exp_year: card.expYear,
    fingerprint: cardFingerprint(digits, secret),
    funding: test.funding ?? 'credit',
    country: 'US',
    three_d_secure: null,
  };
}

const failed = (card: StoredCard | null, name: StripeDeclineName): ChargeOutcome => ({
  status: 'failed',
  card,
  decline: { ...STRIPE_DECLINES[name] },
});

/** The answer, computed now, as the promise a processor returns: a throw becomes its rejection, as in an async function. */
const answer = (compute: () => ChargeOutcome): Promise<ChargeOutcome> =>
  new Promise((resolve) => {
    resolve(compute());
  });

/** The built-in test processor (Stripe's test cards and their outcomes), its charges counted. */
export const testProcessor: PaymentProcessor = countedProcessor({
  name: 'test',

  screen(card) {
    const digits = normalizeCardNumber(card.number);
    // A Luhn failure cannot be anyone's card; `charge` answers it with incorrect_number as Stripe does.
    if (digits === null || !luhnValid(digits)) return null;
    return TEST_CARDS.has(digits) ? null : 'card.test_mode_only';
  },

  charge(req: ChargeRequest): Promise<ChargeOutcome> {
    return answer(() => {
      const digits = normalizeCardNumber(req.card.number);
      if (digits === null || !luhnValid(digits)) return failed(null, 'incorrect_number');
      const test = TEST_CARDS.get(digits);
      // A caller that skipped `screen`: still refuse, and keep no trace of a real card.
      if (!test) return failed(null, 'test_mode_live_card');

      const card = storedCard(digits, req.card, test, req.fingerprintSecret);
      const b = test.behaviour;
      const reusable = reusableOf(b, true);
      switch (b.kind) {
        case 'succeed':
          return {
            status: 'succeeded',
            card: { ...card, three_d_secure: b.threeDSecure ?? null },
            reusable,
            ...(b.after ? { chargeState: { after: b.after } } : {}),
          };
        case 'attach_only':
          // Nothing to charge (a trial, a setup): the card is saved; any amount is declined.
          return req.amount === 0 ? { status: 'succeeded', card, reusable } : failed(card, 'generic_decline');
        case 'decline':
          return failed(card, b.decline);
        case 'challenge':
          // A card authenticated when it was set up is exempt on later off-session charges.
          if (b.skipWhenSetUpForOffSession && req.setUpForOffSession) {
            return { status: 'succeeded', card: { ...card, three_d_secure: 'not_required' }, reusable };
          }
          return { status: 'requires_action', card, resume: { after: b.after, off_session: reusable.off_session } };
      }
    });
  },

  completeAuthentication({ resume, result, card }): Promise<ChargeOutcome> {
    return answer(() => {
      const after = resume.after;
      // The state round-trips through the caller's storage; anything else is a bug, not a decline.
      if (!isAfter(after)) throw new Error('testProcessor: unreadable resume state');
      if (result === 'fail') return failed({ ...card, three_d_secure: 'failed' }, 'authentication_failure');

      const authenticated: StoredCard = { ...card, three_d_secure: 'authenticated' };
      const offSession = resume.off_session;
      const reusable =
        offSession === 'succeed' || offSession === 'authentication_required'
          ? { off_session: offSession, ...(resume.challenge_after ? { challenge_after: resume.challenge_after } : {}) }
          : undefined;
      switch (after) {
        case 'succeed':
          return { status: 'succeeded', card: authenticated, ...(reusable ? { reusable } : {}) };
        case 'insufficient_funds':
          return failed(authenticated, 'insufficient_funds');
        case 'card_declined':
          return failed(authenticated, 'generic_decline');
      }
    });
  },

  chargeSaved({ card, reusable, customerPresent }): Promise<ChargeOutcome> {
    return answer(() => {
      const saved = reusable?.off_session;
      // A method saved before its processor kept anything for it: charged as a plain succeeding card.
      if (saved === undefined || saved === 'succeed')
        return {
          status: 'succeeded',
          card: { ...card, three_d_secure: null },
          reusable: reusable ?? { off_session: 'succeed' },
          ...(reusable?.after ? { chargeState: { after: reusable.after } } : {}),
        };
      if (saved === 'authentication_required') {
        if (!customerPresent) return failed(card, 'authentication_required');
        // The holder is there to answer the challenge; what follows it is the card's own outcome.
        const after = isAfter(reusable?.challenge_after) ? reusable.challenge_after : 'succeed';
        return { status: 'requires_action', card, resume: { after, off_session: saved, challenge_after: after } };
      }
      if (saved === 'decline') return failed(card, isDeclineName(reusable?.decline) ? reusable.decline : 'generic_decline');
      return failed(card, 'generic_decline');
    });
  },

  saveCard({ card: input, fingerprintSecret, check }): Promise<ChargeOutcome> {
    return answer(() => {
      const digits = normalizeCardNumber(input.number);
      if (digits === null || !luhnValid(digits)) return failed(null, 'incorrect_number');
      const test = TEST_CARDS.get(digits);
      if (!test) return failed(null, 'test_mode_live_card');
      const card = storedCard(digits, input, test, fingerprintSecret);
      const b = test.behaviour;
      // Checking a card moves no money: a card refused only for its funds is saved, and declined when charged.
      if (check && b.kind === 'decline' && b.decline !== 'insufficient_funds') return failed(card, b.decline);
      return { status: 'succeeded', card, reusable: reusableOf(b, false) };
    });
  },

  // Test mode moves no money, so there is nothing to void: the caller still records the reversal.
  async reverse() {},

  // Nor anything to capture: the caller records the captured amount.
  async capture() {},

  // Stripe's 4000 0000 0000 5126: the refund looks successful at first, then fails.
  refund({ chargeState }) {
    const fails = chargeState?.after === 'refund_fails';
    return Promise.resolve({
      status: 'succeeded',
      later: fails ? { status: 'failed', failureReason: 'expired_or_canceled_card', afterMs: TEST_FOLLOW_UP_MS } : null,
    });
  },

  // Stripe's 4000 0000 0000 0259: the payment succeeds, then the cardholder disputes it as fraudulent.
  disputeAfterCharge(chargeState) {
    return chargeState?.after === 'disputed_fraudulent' ? { reason: 'fraudulent', afterMs: TEST_FOLLOW_UP_MS } : null;
  },

  // Stripe's test evidence: "winning_evidence" or "losing_evidence" in any text field decides the dispute.
  reviewDispute(evidence) {
    const texts = Object.values(evidence);
    if (texts.some((t) => t?.includes('winning_evidence'))) return { status: 'won', afterMs: TEST_FOLLOW_UP_MS };
    if (texts.some((t) => t?.includes('losing_evidence'))) return { status: 'lost', afterMs: TEST_FOLLOW_UP_MS };
    return null;
  },
});
