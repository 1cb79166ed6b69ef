import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contrastRatio, formatHex, isHexColor } from './color';
import { resolveTheme, type Theme } from './theme';

const NUM_RUNS = 500;
const byte = fc.integer({ min: 0, max: 255 });
const anyHex = fc.tuple(byte, byte, byte).map(([r, g, b]) => formatHex({ r, g, b }));
// Greys and near-greys around 0.18 luminance are where black and white both
// barely reach 4.5:1; uniform sampling rarely lands there, so weight them in.
const midGrey = fc
  .tuple(fc.integer({ min: 0x60, max: 0x90 }), fc.integer({ min: -12, max: 12 }), fc.integer({ min: -12, max: 12 }))
  .map(([v, dg, db]) => formatHex({ r: v, g: v + dg, b: v + db }));
const color = fc.oneof({ arbitrary: anyHex, weight: 3 }, { arbitrary: midGrey, weight: 1 });
// Merchant input arrives in either case and either hex length.
const merchantHex = fc.oneof(
  color,
  color.map((h) => h.toUpperCase()),
  fc.stringMatching(/^#[0-9a-fA-F]{3}$/),
);

const forAllThemes = (check: (t: Theme) => void): void => {
  fc.assert(
    // Block body: fast-check treats a returned `false` as a failure, so return nothing.
    fc.property(merchantHex, merchantHex, (background_color, button_color) => {
      check(resolveTheme({ background_color, button_color }));
    }),
    { numRuns: NUM_RUNS },
  );
};

describe('resolveTheme — contrast guarantees over random merchant colours', () => {
  it('text ≥ 4.5:1 on background and surface', () => {
    forAllThemes((t) => {
      expect(contrastRatio(t.text, t.background)).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(t.text, t.surface)).toBeGreaterThanOrEqual(4.5);
    });
  });

  it('muted text ≥ 4.5:1 on background and surface', () => {
    forAllThemes((t) => {
      expect(contrastRatio(t.mutedText, t.background)).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(t.mutedText, t.surface)).toBeGreaterThanOrEqual(4.5);
    });
  });

  it('button label ≥ 4.5:1 on the button', () => {
    forAllThemes((t) => {
      expect(contrastRatio(t.buttonText, t.button)).toBeGreaterThanOrEqual(4.5);
    });
  });

  it('button, focus ring and borders ≥ 3:1 on background', () => {
    forAllThemes((t) => {
      expect(contrastRatio(t.button, t.background)).toBeGreaterThanOrEqual(3);
      expect(contrastRatio(t.focusRing, t.background)).toBeGreaterThanOrEqual(3);
      expect(contrastRatio(t.border, t.background)).toBeGreaterThanOrEqual(3);
      expect(contrastRatio(t.border, t.surface)).toBeGreaterThanOrEqual(3);
    });
  });

  it('link ≥ 4.5:1 on background', () => {
    forAllThemes((t) => {
      expect(contrastRatio(t.link, t.background)).toBeGreaterThanOrEqual(4.5);
    });
  });

  it('every colour is canonical #rrggbb', () => {
    forAllThemes((t) => {
      for (const key of ['background', 'text', 'mutedText', 'surface', 'border', 'button', 'buttonText', 'link', 'focusRing'] as const) {
        expect(isHexColor(t[key]), `${key} = ${t[key]}`).toBe(true);
      }
    });
  });

  it('keeps a button colour that already has 3:1, and the background always', () => {
    fc.assert(
      fc.property(color, color, (background_color, button_color) => {
        const t = resolveTheme({ background_color, button_color });
        expect(t.background).toBe(background_color);
        if (contrastRatio(button_color, background_color) >= 3) expect(t.button).toBe(button_color);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
