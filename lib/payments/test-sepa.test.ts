import { describe, expect, it } from 'vitest';
import { ibanProblem } from './iban';
import { isPendingDebit, screenTestIban, startTestDebit, TEST_IBAN_NUMBERS } from './test-sepa';

const now = new Date('2026-11-29T12:00:00Z');

describe('the test SEPA processor', () => {
  it('every test IBAN is a valid IBAN', () => {
    for (const iban of TEST_IBAN_NUMBERS) expect(ibanProblem(iban), iban).toBeNull();
  });

  it('refuses any other valid IBAN in test mode', () => {
    expect(screenTestIban('DE89370400440532013000')).toBeNull();
    expect(screenTestIban('DE75512108001245126199')).toBe('sepa.test_mode_only');
    expect(() => startTestDebit({ iban: 'DE75512108001245126199', fingerprintSecret: 's', now, settleSeconds: 5 })).toThrow();
  });

  it('DE89…3000 succeeds later and DE62…3001 fails later, due settleSeconds after now; the IBAN is kept nowhere', () => {
    const ok = startTestDebit({ iban: 'DE89370400440532013000', fingerprintSecret: 'secret', now, settleSeconds: 5 });
    expect(ok.pending).toEqual({ method: 'sepa_debit', outcome: 'succeed', settle_at: '2026-11-29T12:00:05.000Z' });
    expect(ok.sepaDebit).toMatchObject({ bank_code: '37040044', country: 'DE', last4: '3000', branch_code: null });
    expect(JSON.stringify(ok)).not.toContain('0532013000');
    const ko = startTestDebit({ iban: 'DE62370400440532013001', fingerprintSecret: 'secret', now, settleSeconds: 5 });
    expect(ko.pending.outcome).toBe('fail');
    expect(isPendingDebit(ko.pending)).toBe(true);
    expect(isPendingDebit({ after: 'succeed' })).toBe(false);
  });

  it('the fingerprint is the same for the same account and key, different across keys and accounts', () => {
    const fp = (iban: string, secret: string) =>
      startTestDebit({ iban, fingerprintSecret: secret, now, settleSeconds: 0 }).sepaDebit.fingerprint;
    expect(fp('NL39RABO0300065264', 'a')).toBe(fp('NL39RABO0300065264', 'a'));
    expect(fp('NL39RABO0300065264', 'a')).not.toBe(fp('NL39RABO0300065264', 'b'));
    expect(fp('NL39RABO0300065264', 'a')).not.toBe(fp('FR1420041010050500013M02606', 'a'));
  });
});
