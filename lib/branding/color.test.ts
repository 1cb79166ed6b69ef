import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contrastRatio, formatHex, isHexColor, mix, parseHex, parseHexOrThrow, relativeLuminance, type Rgb } from './color';

const rgb = fc.record({ r: fc.integer({ min: 0, max: 255 }), g: fc.integer({ min: 0, max: 255 }), b: fc.integer({ min: 0, max: 255 }) });

describe('parseHex', () => {
  it.each([
    ['#ffffff', { r: 255, g: 255, b: 255 }],
    ['#0074d4', { r: 0, g: 116, b: 212 }],
    ['#0074D4', { r: 0, g: 116, b: 212 }],
    ['#fff', { r: 255, g: 255, b: 255 }],
    ['#F0a', { r: 255, g: 0, b: 170 }],
    ['#123', { r: 0x11, g: 0x22, b: 0x33 }],
  ])('parses %s', (input, expected) => {
    expect(parseHex(input)).toEqual(expected);
  });

  // Branding comes from jsonb and API input: anything odd must come back null, never NaN channels.
  it.each(['', '#', '#12', '#1234', '#12345', '#1234567', '#ffffff00', 'ffffff', '#ggg', ' #fff', '#fff ', 'red', 'rgb(0,0,0)', '#fff;}'])(
    'rejects %j',
    (input) => {
      expect(parseHex(input)).toBeNull();
    },
  );

  it.each([null, undefined, 0xffffff, {}, ['#fff']])('rejects non-string %j', (input) => {
    expect(parseHex(input)).toBeNull();
  });

  it('parseHexOrThrow throws a RangeError on bad input', () => {
    expect(() => parseHexOrThrow('blue')).toThrow(RangeError);
    expect(parseHexOrThrow('#000')).toEqual({ r: 0, g: 0, b: 0 });
  });
});

describe('formatHex', () => {
  it('emits lowercase, zero-padded #rrggbb', () => {
    expect(formatHex({ r: 0, g: 116, b: 212 })).toBe('#0074d4');
    expect(formatHex({ r: 10, g: 11, b: 255 })).toBe('#0a0bff');
  });

  it('rounds and clamps hand-built channels instead of emitting invalid CSS', () => {
    expect(formatHex({ r: -20, g: 300, b: 127.6 })).toBe('#00ff80');
  });

  it('round-trips every colour through parseHex, including upper-case input', () => {
    fc.assert(
      fc.property(rgb, (c) => {
        const hex = formatHex(c);
        expect(isHexColor(hex)).toBe(true);
        expect(parseHex(hex)).toEqual(c);
        expect(formatHex(parseHexOrThrow(hex.toUpperCase()))).toBe(hex);
      }),
    );
  });

  it('isHexColor accepts only the canonical form', () => {
    expect(isHexColor('#0074d4')).toBe(true);
    expect(isHexColor('#0074D4')).toBe(false);
    expect(isHexColor('#fff')).toBe(false);
    expect(isHexColor(42)).toBe(false);
  });
});

describe('relativeLuminance and contrastRatio (WCAG 2.x)', () => {
  it('black is 0 and white is 1', () => {
    expect(relativeLuminance('#000000')).toBe(0);
    expect(relativeLuminance('#ffffff')).toBeCloseTo(1, 12);
  });

  it('matches published luminances', () => {
    // Pure primaries are the coefficients themselves.
    expect(relativeLuminance('#ff0000')).toBeCloseTo(0.2126, 6);
    expect(relativeLuminance('#00ff00')).toBeCloseTo(0.7152, 6);
    expect(relativeLuminance('#0000ff')).toBeCloseTo(0.0722, 6);
    expect(relativeLuminance('#808080')).toBeCloseTo(0.2159, 4);
  });

  it('black on white is 21:1 and a colour on itself is 1:1', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 10);
    expect(contrastRatio('#0074d4', '#0074d4')).toBe(1);
  });

  it.each([
    // The well-known AA boundary pair: #767676 is the lightest grey that passes on white.
    ['#767676', '#ffffff', 4.54],
    ['#777777', '#ffffff', 4.48],
    ['#0074d4', '#ffffff', 4.72],
    ['#ff0000', '#ffffff', 4.0],
    ['#949494', '#ffffff', 3.03],
  ])('%s on %s ≈ %s:1', (a, b, expected) => {
    expect(contrastRatio(a, b)).toBeCloseTo(expected, 2);
  });

  it('accepts parsed colours and #rgb shorthand alike', () => {
    expect(contrastRatio({ r: 0, g: 0, b: 0 }, '#fff')).toBeCloseTo(21, 10);
  });

  it('is symmetric and within 1..21', () => {
    fc.assert(
      fc.property(rgb, rgb, (a, b) => {
        const ab = contrastRatio(a, b);
        expect(ab).toBe(contrastRatio(b, a));
        expect(ab).toBeGreaterThanOrEqual(1);
        expect(ab).toBeLessThanOrEqual(21 + 1e-9);
      }),
    );
  });
});

describe('mix', () => {
  it('returns the ends at t = 0 and t = 1 and the midpoint at 0.5', () => {
    expect(mix('#000000', '#ffffff', 0)).toEqual({ r: 0, g: 0, b: 0 });
    expect(mix('#000000', '#ffffff', 1)).toEqual({ r: 255, g: 255, b: 255 });
    expect(formatHex(mix('#000000', '#ffffff', 0.5))).toBe('#808080');
    expect(formatHex(mix('#ff0000', '#0000ff', 0.5))).toBe('#800080');
  });

  it('clamps t and treats NaN as 0', () => {
    expect(mix('#102030', '#ffffff', -1)).toEqual(parseHex('#102030'));
    expect(mix('#102030', '#ffffff', 7)).toEqual(parseHex('#ffffff'));
    expect(mix('#102030', '#ffffff', Number.NaN)).toEqual(parseHex('#102030'));
  });

  it('always yields integer channels between the two inputs', () => {
    fc.assert(
      fc.property(rgb, rgb, fc.double({ min: 0, max: 1, noNaN: true }), (a, b, t) => {
        const m: Rgb = mix(a, b, t);
        for (const k of ['r', 'g', 'b'] as const) {
          expect(Number.isInteger(m[k])).toBe(true);
          expect(m[k]).toBeGreaterThanOrEqual(Math.min(a[k], b[k]));
          expect(m[k]).toBeLessThanOrEqual(Math.max(a[k], b[k]));
        }
      }),
    );
  });
});
