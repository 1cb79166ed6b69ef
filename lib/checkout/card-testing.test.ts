import { describe, expect, it } from 'vitest';
import { PROOF_OF_WORK } from '@/lib/security/proof-of-work';
import { CARD_TESTING, cardTestingDemand, cardTestingSignals, type CardTestingSignals } from './card-testing';
import { confirmPayment } from './confirm-payment';
import { newSession, newShop, payForm } from './testing/checkout-world';
import { useCheckoutDatabase } from './testing/checkout-db';
import { CheckoutSystem } from './testing/checkout-system';
import { findSessionById } from '@/db/queries/public-session';
import { defined } from '@/e2e/support/defined';

const db = useCheckoutDatabase('caisse_card_testing');
const T0 = new Date('2026-06-01T12:00:00Z');
const quiet: CardTestingSignals = { sessionDeclines: 0, sessionCards: 0, cardIsNew: true, accountDeclines: 0, accountCards: 0 };

describe('card-testing rule', () => {
  it('asks nothing of a customer with a card or two', () => {
    expect(cardTestingDemand(quiet)).toEqual({ refused: false, proofLevel: 0 });
    expect(cardTestingDemand({ ...quiet, sessionDeclines: 2, sessionCards: 2 })).toEqual({ refused: false, proofLevel: 0 });
  });

  it('after three declines on a session, a proof-of-work one level harder with each decline, up to the cap', () => {
    expect(cardTestingDemand({ ...quiet, sessionDeclines: 3 }).proofLevel).toBe(1);
    expect(cardTestingDemand({ ...quiet, sessionDeclines: 4 }).proofLevel).toBe(2);
    expect(cardTestingDemand({ ...quiet, sessionDeclines: 9 }).proofLevel).toBe(PROOF_OF_WORK.maxLevel);
  });

  it("refuses a new card past the session's distinct cards, but not the same card again; refuses all after ten declines", () => {
    expect(cardTestingDemand({ ...quiet, sessionCards: CARD_TESTING.cardsPerSession }).refused).toBe(true);
    expect(cardTestingDemand({ ...quiet, sessionCards: CARD_TESTING.cardsPerSession, cardIsNew: false }).refused).toBe(false);
    expect(cardTestingDemand({ ...quiet, sessionDeclines: CARD_TESTING.declinesPerSession }).refused).toBe(true);
  });

  it('an account under attack (declines or many cards in the hour) asks every session for a proof, harder as declines double', () => {
    expect(cardTestingDemand({ ...quiet, accountDeclines: 19 }).proofLevel).toBe(0);
    expect(cardTestingDemand({ ...quiet, accountDeclines: 20 }).proofLevel).toBe(1);
    expect(cardTestingDemand({ ...quiet, accountDeclines: 40 }).proofLevel).toBe(2);
    expect(cardTestingDemand({ ...quiet, accountDeclines: 80 }).proofLevel).toBe(3);
    expect(cardTestingDemand({ ...quiet, accountCards: CARD_TESTING.accountCardsForChallenge }).proofLevel).toBe(1);
  });
});

describe('card-testing signals', () => {
  it('count distinct cards per session and declines per account over the last hour, whatever client sends them', async () => {
    const sys = new CheckoutSystem(db(), await newShop(db()), T0);
    sys.processor.open = true;
    const sessionId = await newSession(db(), sys.shop, { now: T0 });
    const cards = ['4000000000000002', '4000000000009995', '4000000000009987', '4000000000009979', '4000000000000069'];
    for (const [i, card] of cards.entries()) {
      // Every attempt from a "new" client address: the limits do not care.
      if (i >= 3) break;
      expect(
        (await confirmPayment(db(), { sessionId, form: payForm(card), clientKey: `rotating-${i}`, processor: sys.processor, now: T0 }))
          .state,
      ).toBe('declined');
    }
    const session = defined(await findSessionById(db(), sessionId), `session ${sessionId}`);
    expect(await cardTestingSignals(db(), session, null, T0)).toEqual({
      sessionDeclines: 3,
      sessionCards: 3,
      cardIsNew: false,
      accountDeclines: 3,
      accountCards: 3,
    });
    // The fourth card now needs a proof-of-work: without one it is refused, and nothing reaches the processor.
    const before = sys.processor.ledger.size;
    expect(
      await confirmPayment(db(), { sessionId, form: payForm(cards[3]), clientKey: 'rotating-9', processor: sys.processor, now: T0 }),
    ).toEqual({ state: 'refused', reason: 'challenge_failed' });
    expect(sys.processor.ledger.size).toBe(before);
    // An hour later the account's window has moved on; the session's own declines stay.
    const later = await cardTestingSignals(db(), session, null, new Date(T0.getTime() + 3601_000));
    expect(later).toMatchObject({ sessionDeclines: 3, accountDeclines: 0, sessionCards: 0 });
  });
});
