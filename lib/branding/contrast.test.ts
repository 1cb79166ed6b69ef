import { describe, expect, it } from 'vitest';
import { BLACK, WHITE, contrastRatio, formatHex, parseHexOrThrow } from './color';
import { ensureContrast } from './contrast';

const c = parseHexOrThrow;

describe('ensureContrast', () => {
  it('leaves a colour that already passes untouched', () => {
    expect(ensureContrast(c('#0074d4'), WHITE, 3)).toEqual(c('#0074d4'));
  });

  it('darkens a light colour on a light background, stopping at the first step that passes', () => {
    const out = ensureContrast(c('#ffd700'), WHITE, 3);
    expect(contrastRatio(out, WHITE)).toBeGreaterThanOrEqual(3);
    // One step less would fail: it is the closest passing colour, not black.
    expect(contrastRatio(out, WHITE)).toBeLessThan(3.2);
  });

  it('lightens a dark colour on a dark background', () => {
    const out = ensureContrast(c('#1a0f40'), c('#101010'), 4.5);
    expect(contrastRatio(out, c('#101010'))).toBeGreaterThanOrEqual(4.5);
    expect(out.b).toBeGreaterThan(out.r); // still blue-violet, not grey
  });

  it('only moves toward the targets it is given', () => {
    const out = ensureContrast(c('#cccccc'), WHITE, 4.5, [c('#333333')]);
    expect(contrastRatio(out, WHITE)).toBeGreaterThanOrEqual(4.5);
    expect(out.r).toBeGreaterThanOrEqual(0x33);
  });

  it('returns the strongest target when the ratio is out of reach', () => {
    // Nothing reaches 15:1 against mid-grey; black is the better of the two.
    expect(formatHex(ensureContrast(c('#808080'), c('#777777'), 15))).toBe(formatHex(BLACK));
  });
});
