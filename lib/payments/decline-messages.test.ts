import { describe, expect, it } from 'vitest';
import { DECLINE_MESSAGE_KEYS, declineMessageKey, STRIPE_DECLINES } from './decline-messages';

describe('declineMessageKey', () => {
  it.each([
    ['generic_decline', 'decline.generic'],
    ['insufficient_funds', 'decline.insufficient_funds'],
    ['lost_card', 'decline.generic'],
    ['stolen_card', 'decline.generic'],
    ['expired_card', 'decline.expired_card'],
    ['incorrect_cvc', 'decline.incorrect_cvc'],
    ['processing_error', 'decline.processing_error'],
    ['incorrect_number', 'decline.incorrect_number'],
    ['authentication_failure', 'decline.authentication_failed'],
    ['test_mode_live_card', 'card.test_mode_only'],
  ] as const)('%s → %s', (name, key) => {
    expect(declineMessageKey(STRIPE_DECLINES[name])).toBe(key);
  });

  it('falls back to the generic key for codes it does not know', () => {
    expect(declineMessageKey({ code: 'card_declined', declineCode: 'do_not_honor', message: 'Your card was declined.' })).toBe(
      'decline.generic',
    );
    expect(declineMessageKey({ code: 'something_new', declineCode: null, message: '' })).toBe('decline.generic');
  });

  it('only returns listed keys', () => {
    for (const decline of Object.values(STRIPE_DECLINES)) expect(DECLINE_MESSAGE_KEYS).toContain(declineMessageKey(decline));
  });
});
