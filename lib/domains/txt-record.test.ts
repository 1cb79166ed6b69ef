import { describe, expect, it } from 'vitest';
import { challengeName, challengeValue, hasChallenge } from './txt-record';

describe('the domain verification TXT record', () => {
  it('lives at _caisse-challenge.<host> and holds the token', () => {
    expect(challengeName('pay.example.com')).toBe('_caisse-challenge.pay.example.com');
    expect(challengeValue('abc')).toBe('caisse-domain-verification=abc');
  });

  it('matches the value among other records, joined from its chunks', () => {
    expect(hasChallenge([['v=spf1 -all'], ['caisse-domain-verification=tok123']], 'tok123')).toBe(true);
    expect(hasChallenge([['caisse-domain-', 'verification=tok123']], 'tok123')).toBe(true);
    expect(hasChallenge([['"caisse-domain-verification=tok123"']], 'tok123')).toBe(true);
    expect(hasChallenge([[' caisse-domain-verification=tok123 ']], 'tok123')).toBe(true);
  });

  it('refuses another token, a prefix of it, or no record', () => {
    expect(hasChallenge([], 'tok123')).toBe(false);
    expect(hasChallenge([['caisse-domain-verification=other']], 'tok123')).toBe(false);
    expect(hasChallenge([['caisse-domain-verification=tok1234']], 'tok123')).toBe(false);
    expect(hasChallenge([['caisse-domain-verification=tok12']], 'tok123')).toBe(false);
    expect(hasChallenge([['tok123']], 'tok123')).toBe(false);
  });
});
