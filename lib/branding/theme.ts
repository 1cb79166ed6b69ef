import { BLACK, WHITE, contrastRatio, formatHex, mix, parseHex, parseHexOrThrow, type HexColor, type Rgb } from './color';
import { MIN_TEXT_CONTRAST, MIN_UI_CONTRAST, ensureContrast } from './contrast';
import { DEFAULT_FONT_ID, fontStack, isFontId, type FontId } from './fonts';

/**
 * Merchant branding → the colours, radii and font the checkout page renders.
 * Merchants pick any two colours; we guarantee WCAG AA on what we derive from
 * them, adjusting their button colour only when it would be unreadable.
 */

export type BorderStyle = 'pill' | 'rounded' | 'rectangular';

/** Stripe's `branding_settings` shape (the theme-relevant fields), as stored on an account or a session. */
export type BrandingInput = {
  background_color?: string | null;
  button_color?: string | null;
  border_style?: BorderStyle | null;
  font_family?: string | null;
};

export type Px = `${number}px`;

export type Theme = {
  background: HexColor;
  text: HexColor;
  mutedText: HexColor;
  /** Inputs and cards; shifted away from the text colour so text on it keeps its contrast. */
  surface: HexColor;
  /** Input and card outlines. */
  border: HexColor;
  button: HexColor;
  buttonText: HexColor;
  link: HexColor;
  focusRing: HexColor;
  radius: { control: Px; button: Px };
  fontStack: string;
  fontId: FontId;
};

export const DEFAULT_BRANDING = {
  background_color: '#ffffff',
  button_color: '#0074d4',
  border_style: 'rounded',
  font_family: 'default',
} as const satisfies Required<BrandingInput>;

// Stripe's pill style rounds buttons fully but only softens inputs: a fully
// round multi-line address field looks broken.
const RADII: Readonly<Record<BorderStyle, Theme['radius']>> = {
  pill: { control: '12px', button: '9999px' },
  rounded: { control: '6px', button: '6px' },
  rectangular: { control: '0px', button: '0px' },
};

const isBorderStyle = (v: unknown): v is BorderStyle => typeof v === 'string' && Object.hasOwn(RADII, v);

// One "is this field usable" rule for merging and resolving: anything we
// can't use counts as unset, so one bad field never throws away the others.
const pickColor = (v: unknown): string | null => {
  const rgb = parseHex(v);
  return rgb ? formatHex(rgb) : null;
};
const pickBorder = (v: unknown): BorderStyle | null => (isBorderStyle(v) ? v : null);
const pickFont = (v: unknown): FontId | null => (isFontId(v) ? v : null);

/**
 * Session `branding_settings` over account branding. Stripe treats an
 * omitted, null or '' session field as "use the account's", and so do we.
 * Colours come out normalised to lowercase `#rrggbb`; unset fields are null
 * (resolveTheme fills them from DEFAULT_BRANDING).
 */
export function mergeBranding(
  account: Readonly<BrandingInput> | null | undefined,
  session: Readonly<BrandingInput> | null | undefined,
): BrandingInput {
  return {
    background_color: pickColor(session?.background_color) ?? pickColor(account?.background_color),
    button_color: pickColor(session?.button_color) ?? pickColor(account?.button_color),
    border_style: pickBorder(session?.border_style) ?? pickBorder(account?.border_style),
    font_family: pickFont(session?.font_family) ?? pickFont(account?.font_family),
  };
}

/** Near-black or near-white, whichever reads better on `surface`. */
const inkFor = (surface: Rgb): Rgb => (contrastRatio(BLACK, surface) >= contrastRatio(WHITE, surface) ? BLACK : WHITE);

function deriveColors(background: Rgb, brand: Rgb) {
  const ink = inkFor(background);
  const paper = ink === BLACK ? WHITE : BLACK;
  // Tinting text with the background harmonises it with the page; pure #000 on
  // a coloured background looks pasted on. ensureContrast pulls it back to the
  // pure ink if the tint costs too much contrast (mid-grey backgrounds).
  const text = ensureContrast(mix(ink, background, 0.1), background, MIN_TEXT_CONTRAST, [ink]);
  // Muted text and borders are the faintest step from the background toward the
  // text colour that still passes, so they look equally quiet on light and dark
  // pages (a fixed mix ratio comes out much stronger on dark ones). The text
  // colour itself passes, so the search always succeeds.
  const mutedText = ensureContrast(background, background, MIN_TEXT_CONTRAST, [text]);
  // Form field boundaries are UI components under WCAG 1.4.11, hence 3:1.
  const border = ensureContrast(background, background, MIN_UI_CONTRAST, [text]);
  // Moving the surface away from the ink can only raise text, muted and border
  // contrast on it, so every guarantee against the background holds on inputs too.
  const surface = mix(background, paper, ink === BLACK ? 0.6 : 0.2);
  // Adjusted only if it fails: a merchant's brand colour is theirs to choose.
  const button = ensureContrast(brand, background, MIN_UI_CONTRAST);
  // White labels are the convention on brand buttons; switch to dark only when white fails.
  const buttonText =
    contrastRatio(WHITE, button) >= MIN_TEXT_CONTRAST ? WHITE : ensureContrast(mix(BLACK, button, 0.1), button, MIN_TEXT_CONTRAST, [BLACK]);
  const link = ensureContrast(button, background, MIN_TEXT_CONTRAST);
  // The ring is drawn offset onto the background, and the button colour already
  // has 3:1 there (WCAG 2.4.13 / 1.4.11).
  const focusRing = button;
  return { text, mutedText, border, surface, button, buttonText, link, focusRing };
}

export function resolveTheme(input: Readonly<BrandingInput> | null | undefined): Theme {
  const background = parseHex(input?.background_color) ?? parseHexOrThrow(DEFAULT_BRANDING.background_color);
  const brand = parseHex(input?.button_color) ?? parseHexOrThrow(DEFAULT_BRANDING.button_color);
  const borderStyle = pickBorder(input?.border_style) ?? DEFAULT_BRANDING.border_style;
  const fontId = pickFont(input?.font_family) ?? DEFAULT_FONT_ID;
  const c = deriveColors(background, brand);
  return {
    background: formatHex(background),
    text: formatHex(c.text),
    mutedText: formatHex(c.mutedText),
    surface: formatHex(c.surface),
    border: formatHex(c.border),
    button: formatHex(c.button),
    buttonText: formatHex(c.buttonText),
    link: formatHex(c.link),
    focusRing: formatHex(c.focusRing),
    radius: RADII[borderStyle],
    fontStack: fontStack(fontId),
    fontId,
  };
}
