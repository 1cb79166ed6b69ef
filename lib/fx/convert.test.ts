import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDecimal, roundDiv } from '@/lib/money/decimal';
import { convertAmount, convertParts, crossRate } from './convert';

// Up to ten million major units of a two-decimal currency, either sign.
const amount = fc.integer({ min: -1_000_000_000, max: 1_000_000_000 });
const small = fc.integer({ min: -100_000_000, max: 100_000_000 });
// A positive decimal of up to 15 significant digits, with `scale` decimals.
const decimal = (minScale: number, maxScale: number) =>
  fc.tuple(fc.bigInt({ min: 1n, max: 999_999_999_999_999n }), fc.integer({ min: minScale, max: maxScale })).map(([digits, scale]) => {
    const s = String(digits).padStart(scale + 1, '0');
    return scale === 0 ? s : `${s.slice(0, s.length - scale)}.${s.slice(s.length - scale)}`;
  });
// A conversion rate as exchangeRate gives it: below 10 000 (no currency pair is further apart), so results stay safe integers.
const rate = decimal(11, 20);
// A euro rate as the ECB quotes it, from 0.000… to 999 999 999 999 999.
const anyRate = decimal(0, 20);
const twoDecimal = fc.constantFrom('eur', 'usd', 'gbp', 'chf', 'sek');

describe('convertAmount', () => {
  it('10000 eur cents at 158.12 are 15812 jpy (jpy has no minor unit)', () => {
    expect(convertAmount(10000, 'eur', 'jpy', '158.12')).toBe(15812);
  });

  it.each([
    // 12.34 eur × 158.12 = 1951.2008 jpy
    [1234, 'eur', 'jpy', '158.12', 1951],
    // ¥1951 × 0.0063243 = 12.3387093 eur
    [1951, 'jpy', 'eur', '0.0063243', 1234],
    // 1.00 eur × 0.3312 = 0.3312 kwd = 331.2 fils
    [100, 'eur', 'kwd', '0.3312', 331],
    // 1.000 kwd × 3.0193 = 3.0193 eur
    [1000, 'kwd', 'eur', '3.0193', 302],
    // half away from zero, once: 0.05 usd × 10 = 0.5 jpy → 1, and -0.5 → -1
    [5, 'usd', 'jpy', '10', 1],
    [-5, 'usd', 'jpy', '10', -1],
    [0, 'usd', 'krw', '1712.45', 0],
  ])('%i %s at %s → %s', (amt, from, to, r, expected) => {
    expect(convertAmount(amt, from, to, r)).toBe(expected);
  });

  it('rounds the exact product once, half away from zero', () => {
    // ¥1 at 0.005 usd is exactly half a cent; at 0.0049999 just under it.
    expect(convertAmount(1, 'jpy', 'usd', '0.005')).toBe(1);
    expect(convertAmount(-1, 'jpy', 'usd', '0.005')).toBe(-1);
    expect(convertAmount(1, 'jpy', 'usd', '0.0049999')).toBe(0);
    // 0.01 usd at 149.45179584121 is ¥1.4945…; 1.00 usd is ¥149.45…
    expect(convertAmount(1, 'usd', 'jpy', '149.45179584121')).toBe(1);
    expect(convertAmount(100, 'usd', 'jpy', '149.45179584121')).toBe(149);
    expect(convertAmount(1000, 'usd', 'jpy', '149.45179584121')).toBe(1495);
  });

  it('refuses amounts that are not integers, bad rates, unknown currency shapes and results past safe integers', () => {
    expect(() => convertAmount(1.5, 'eur', 'usd', '1')).toThrow(RangeError);
    expect(() => convertAmount(100, 'eur', 'usd', '-1')).toThrow(RangeError);
    expect(() => convertAmount(100, 'eur', 'usd', '1e3')).toThrow(RangeError);
    expect(() => convertAmount(100, 'EUR', 'usd', '1')).toThrow(RangeError);
    expect(() => convertAmount(Number.MAX_SAFE_INTEGER, 'eur', 'kwd', '2')).toThrow(RangeError);
  });

  it('at rate 1 between currencies of the same exponent, the amount is unchanged', () => {
    fc.assert(
      fc.property(amount, twoDecimal, twoDecimal, (a, from, to) => {
        expect(convertAmount(a, from, to, '1')).toBe(a);
      }),
    );
    fc.assert(
      fc.property(amount, (a) => {
        expect(convertAmount(a, 'jpy', 'krw', '1.000')).toBe(a);
      }),
    );
  });

  it('is monotonic in the amount', () => {
    fc.assert(
      // ±10⁸ minor units: ¥100 million at under 10 000 is still a safe integer of bhd's thousandths.
      fc.property(small, small, rate, fc.constantFrom('eur', 'jpy', 'kwd'), fc.constantFrom('usd', 'krw', 'bhd'), (a, b, r, from, to) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(convertAmount(lo, from, to, r)).toBeLessThanOrEqual(convertAmount(hi, from, to, r));
      }),
    );
  });

  it('eur → jpy at 1 drops the two decimals (rounded half away from zero); eur → kwd adds one', () => {
    fc.assert(
      fc.property(amount, (a) => {
        expect(convertAmount(a, 'eur', 'jpy', '1')).toBe(Number(roundDiv(BigInt(a), 100n)));
        expect(convertAmount(a, 'eur', 'kwd', '1')).toBe(a * 10);
      }),
    );
  });

  it('is within half a minor unit of the exact value', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), rate, (a, r) => {
        const { num, den } = parseDecimal(r);
        const converted = BigInt(convertAmount(a, 'eur', 'usd', r));
        // |converted - a·num/den| ≤ 1/2  ⇔  |2·converted·den - 2·a·num| ≤ den
        const gap = 2n * converted * den - 2n * BigInt(a) * num;
        expect(gap <= den && -gap <= den).toBe(true);
      }),
    );
  });
});

describe('convertParts', () => {
  const currencies = fc.constantFrom('eur', 'jpy', 'kwd', 'usd');
  const parts = fc.array(small, { minLength: 1, maxLength: 8 });

  it('adds up to the converted sum, each part within one minor unit of its exact value', () => {
    fc.assert(
      fc.property(parts, rate, currencies, currencies, (ps, r, from, to) => {
        const converted = convertParts(ps, from, to, r);
        const sum = ps.reduce((a, b) => a + b, 0);
        expect(converted.reduce((a, b) => a + b, 0)).toBe(convertAmount(sum, from, to, r));
        ps.forEach((p, i) => {
          const alone = convertAmount(p, from, to, r);
          expect(Math.abs(converted[i] - alone)).toBeLessThanOrEqual(1);
        });
      }),
    );
  });

  it('shares a target given within reach, and refuses one out of reach', () => {
    // €0.10 three times into yen at 1.5: 0.15 each, ¥0 floors; ¥0 for the sum (0.45 rounds down), ¥1 or the floors' + 3 reachable.
    expect(convertParts([10, 10, 10], 'eur', 'jpy', '1.5')).toEqual([0, 0, 0]);
    expect(convertParts([10, 10, 10], 'eur', 'jpy', '1.5', 1)).toEqual([1, 0, 0]);
    expect(convertParts([10, 20, 10], 'eur', 'jpy', '1.5', 1)).toEqual([0, 1, 0]);
    expect(() => convertParts([10, 10, 10], 'eur', 'jpy', '1.5', 4)).toThrow(RangeError);
    // A discount taken off: €100 − €33.33 + €4.99 at 180.85 is ¥12,961 (the whole converted once), its rows adding up to it.
    const rows = convertParts([10000, -3333, 499], 'eur', 'jpy', '180.85');
    expect(rows.reduce((a, b) => a + b, 0)).toBe(convertAmount(10000 - 3333 + 499, 'eur', 'jpy', '180.85'));
  });
});

describe('crossRate', () => {
  it('USD → JPY through the euro: 158.12 / 1.0580, 15 significant digits, trailing zeros dropped', () => {
    expect(crossRate('1.0580', '158.12')).toBe('149.45179584121');
    expect(crossRate('158.12', '1.0580')).toBe('0.0066911206678472');
  });

  it('from or to the euro, and a currency to itself', () => {
    expect(crossRate('1', '158.12')).toBe('158.12');
    expect(crossRate('19420.55', '1')).toBe('0.0000514918475532361');
    expect(crossRate('1.0580', '1.0580')).toBe('1');
  });

  it('rounds half away from zero at the 15th digit', () => {
    // 2/3 = 0.666…
    expect(crossRate('3', '2')).toBe('0.666666666666667');
    expect(crossRate('3', '1')).toBe('0.333333333333333');
  });

  it('is the exact ratio to 15 significant digits (relative error under 10⁻¹⁴)', () => {
    fc.assert(
      fc.property(anyRate, anyRate, (from, to) => {
        const out = crossRate(from, to);
        expect(out).toMatch(/^\d+(\.\d+)?$/);
        const significant = out.replace('.', '').replace(/^0+/, '');
        const { num, den } = parseDecimal(out);
        const f = parseDecimal(from);
        const t = parseDecimal(to);
        // exact = t.num·f.den / (t.den·f.num); 15 significant digits → the error is under 10⁻¹⁴ of the value
        const exactNum = t.num * f.den;
        const exactDen = t.den * f.num;
        const gap = num * exactDen - exactNum * den;
        expect((gap < 0n ? -gap : gap) * 10n ** 14n <= exactNum * den).toBe(true);
        // no more than 15 significant digits are written (trailing zeros dropped), but for an integer part longer than that
        if (out.includes('.')) expect(significant.length).toBeLessThanOrEqual(15);
      }),
    );
  });
});
