import { BLACK, WHITE, contrastRatio, mix, type Rgb } from './color';

/** WCAG 2.x AA minimums: 1.4.3 for text, 1.4.11 for UI components (buttons, borders, focus rings). */
export const MIN_TEXT_CONTRAST = 4.5;
export const MIN_UI_CONTRAST = 3;

// 1% steps: fine enough that the result stays close to the merchant's colour,
// coarse enough that a full search is a few hundred cheap luminance sums.
const STEPS = 100;

/**
 * The colour closest to `color` (fewest mixing steps toward one of `toward`)
 * whose contrast with `against` is at least `min`. Returns `color` untouched if
 * it already passes.
 *
 * We scan instead of bisecting because contrast is not monotonic along a mix:
 * a colour lighter than the background loses contrast as it darkens, until it
 * crosses the background's luminance.
 *
 * If no step passes (only possible when `min` exceeds what the targets can
 * reach), returns the target with the most contrast, so the caller still gets
 * the best colour available. With the default targets and min ≤ 4.58 this
 * cannot happen: black or white always reaches ≥ 4.58:1 against any colour.
 */
export function ensureContrast(color: Rgb, against: Rgb, min: number, toward: readonly Rgb[] = [BLACK, WHITE]): Rgb {
  if (contrastRatio(color, against) >= min) return color;
  let best: { rgb: Rgb; step: number } | null = null;
  for (const target of toward) {
    const limit = best ? best.step - 1 : STEPS;
    for (let step = 1; step <= limit; step++) {
      const candidate = mix(color, target, step / STEPS);
      if (contrastRatio(candidate, against) >= min) {
        best = { rgb: candidate, step };
        break;
      }
    }
  }
  if (best) return best.rgb;
  return toward.reduce((a, b) => (contrastRatio(b, against) > contrastRatio(a, against) ? b : a), color);
}
