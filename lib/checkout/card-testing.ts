import type { Queryable } from '@/db/client';
import type { SessionRow } from '@/db/queries/checkout-sessions';
import { countCardAttempts, deleteCardAttemptsBefore, insertCardAttempt, markCardAttemptsDeclined } from '@/db/queries/card-attempts';
import { PROOF_OF_WORK } from '@/lib/security/proof-of-work';

/**
 * Card testing: scripts trying stolen numbers one after another. Limited by what an attacker cannot
 * rotate cheaply — the session's declines and distinct cards, the account's declines and distinct
 * cards over the last hour — never by anything the client says about itself. A proof-of-work asks
 * more of each attempt as the signals grow; past a hard limit the session takes no more cards.
 */
export const CARD_TESTING = {
  windowMs: 3600_000,
  /** Declines after which the session takes no more cards. */
  declinesPerSession: 10,
  /** Different cards one session may try (a customer with a card or two never comes near). */
  cardsPerSession: 5,
  /** Declines on a session after which each attempt carries a proof-of-work, one level more per decline. */
  challengeAfterSessionDeclines: 3,
  /** An account this many declines in an hour is under attack: every attempt on it carries a proof-of-work. */
  accountDeclinesForChallenge: 20,
  /** Or this many different cards in an hour. */
  accountCardsForChallenge: 200,
} as const;

export type CardTestingSignals = {
  sessionDeclines: number;
  sessionCards: number;
  cardIsNew: boolean;
  accountDeclines: number;
  accountCards: number;
};

/** What the next attempt must bring: nothing (level 0), a proof-of-work of that level, or it is refused. */
export type CardTestingDemand = { refused: boolean; proofLevel: number };

/** The rule itself, pure: the model-based tests check the service against it. */
export function cardTestingDemand(s: CardTestingSignals): CardTestingDemand {
  const refused = s.sessionDeclines >= CARD_TESTING.declinesPerSession || (s.cardIsNew && s.sessionCards >= CARD_TESTING.cardsPerSession);
  const bySession =
    s.sessionDeclines >= CARD_TESTING.challengeAfterSessionDeclines
      ? 1 + s.sessionDeclines - CARD_TESTING.challengeAfterSessionDeclines
      : 0;
  const byDeclines =
    s.accountDeclines >= CARD_TESTING.accountDeclinesForChallenge
      ? 1 + Math.floor(Math.log2(s.accountDeclines / CARD_TESTING.accountDeclinesForChallenge))
      : 0;
  const byCards = s.accountCards >= CARD_TESTING.accountCardsForChallenge ? 1 : 0;
  return { refused, proofLevel: Math.min(PROOF_OF_WORK.maxLevel, Math.max(bySession, byDeclines, byCards)) };
}

/** The signals for an attempt with `fingerprint` (null: a number that is no card, or a page view), in one query. */
export async function cardTestingSignals(
  db: Queryable,
  session: SessionRow,
  fingerprint: string | null,
  now: Date,
): Promise<CardTestingSignals> {
  const row = await countCardAttempts(db, {
    accountId: session.accountId,
    sessionId: session.id,
    fingerprint,
    since: new Date(now.getTime() - CARD_TESTING.windowMs),
  });
  return {
    sessionDeclines: session.declinedAttempts,
    sessionCards: row.sessionCards,
    cardIsNew: fingerprint !== null && !row.seenOnSession,
    accountDeclines: row.accountDeclines,
    accountCards: row.accountCards,
  };
}

/** Records a card tried on the session, when its attempt is claimed. */
export async function recordCardAttempt(db: Queryable, p: { accountId: string; sessionId: string; fingerprint: string; now: Date }) {
  await insertCardAttempt(db, p);
}

/** Marks the session's attempts with that card declined. */
export async function recordCardDeclined(db: Queryable, p: { sessionId: string; fingerprint: string }) {
  await markCardAttemptsDeclined(db, p);
}

export async function pruneCardAttempts(db: Queryable, olderThan: Date) {
  await deleteCardAttemptsBefore(db, olderThan);
}

/** The proof-of-work level the page asks the next card attempt for (0: none). */
export async function requiredProofLevel(db: Queryable, session: SessionRow, now: Date): Promise<number> {
  return cardTestingDemand(await cardTestingSignals(db, session, null, now)).proofLevel;
}
