import { isHexColor } from './color';
import { isKnownFontStack } from './fonts';
import type { Theme } from './theme';

/**
 * Theme → CSS custom properties for a React `style` prop on the checkout root:
 *   <div style={themeToCssVars(theme) as React.CSSProperties}>
 * Tailwind utilities read them (`bg-(--ck-bg)`), so one theme object restyles
 * the whole page without a per-merchant stylesheet.
 *
 * Values end up in markup, so each one is re-checked against the only shapes
 * resolveTheme produces. A Theme assembled by hand from merchant input (say,
 * `button: 'red;}body{…'`) throws here instead of reaching the page.
 */

export type CheckoutCssVar =
  | '--ck-bg'
  | '--ck-text'
  | '--ck-muted'
  | '--ck-surface'
  | '--ck-border'
  | '--ck-button'
  | '--ck-button-text'
  | '--ck-link'
  | '--ck-focus'
  | '--ck-radius-control'
  | '--ck-radius-button'
  | '--ck-font';

// Whole pixels, bounded: every radius we emit is one of these.
const PX = /^(0|[1-9][0-9]{0,3})px$/;

function color(name: string, value: unknown): string {
  if (!isHexColor(value)) throw new RangeError(`Theme ${name} must be a #rrggbb colour, got ${JSON.stringify(value)}`);
  return value;
}

function px(name: string, value: unknown): string {
  if (typeof value !== 'string' || !PX.test(value)) throw new RangeError(`Theme ${name} must be a px length, got ${JSON.stringify(value)}`);
  return value;
}

function font(value: unknown): string {
  if (!isKnownFontStack(value)) throw new RangeError('Theme fontStack must be one of the stacks in lib/branding/fonts');
  return value;
}

export function themeToCssVars(theme: Theme): Record<CheckoutCssVar, string> {
  // A hand-built Theme may lack its radius: that fails with the RangeError below, as any other bad value does.
  const radius = theme.radius as Partial<Theme['radius']> | undefined;
  return {
    '--ck-bg': color('background', theme.background),
    '--ck-text': color('text', theme.text),
    '--ck-muted': color('mutedText', theme.mutedText),
    '--ck-surface': color('surface', theme.surface),
    '--ck-border': color('border', theme.border),
    '--ck-button': color('button', theme.button),
    '--ck-button-text': color('buttonText', theme.buttonText),
    '--ck-link': color('link', theme.link),
    '--ck-focus': color('focusRing', theme.focusRing),
    '--ck-radius-control': px('radius.control', radius?.control),
    '--ck-radius-button': px('radius.button', radius?.button),
    '--ck-font': font(theme.fontStack),
  };
}
