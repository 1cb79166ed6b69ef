/**
 * sRGB colour maths for merchant branding: hex parsing, WCAG 2.x contrast and
 * mixing. Pure and dependency-free so the hosted page, the dashboard preview
 * and the tests all compute the same numbers.
 */

/** 8-bit sRGB channels, always integers in 0..255 (so what we measure is what we emit). */
export type Rgb = { readonly r: number; readonly g: number; readonly b: number };

/**
 * A colour that went through `formatHex`: lowercase `#rrggbb`. Branded so a raw
 * merchant string cannot be passed where an inlinable CSS colour is expected.
 */
export type HexColor = string & { readonly __brand: 'HexColor' };

/** Anything the measuring functions accept: parsed channels or a hex string. */
export type Color = Rgb | string;

export const BLACK: Rgb = { r: 0, g: 0, b: 0 };
export const WHITE: Rgb = { r: 255, g: 255, b: 255 };

const HEX_INPUT = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i;
const HEX_CANONICAL = /^#[0-9a-f]{6}$/;

/** `#rgb` or `#rrggbb` in any case → channels; anything else (including non-strings from jsonb) → null. */
export function parseHex(input: unknown): Rgb | null {
  if (typeof input !== 'string') return null;
  const match = HEX_INPUT.exec(input);
  if (!match) return null;
  const digits = match[1];
  const full = digits.length === 3 ? digits.replace(/./g, (d) => d + d) : digits;
  return {
    r: Number.parseInt(full.slice(0, 2), 16),
    g: Number.parseInt(full.slice(2, 4), 16),
    b: Number.parseInt(full.slice(4, 6), 16),
  };
}

export function parseHexOrThrow(input: string): Rgb {
  const rgb = parseHex(input);
  if (!rgb) throw new RangeError(`Colour must be #rgb or #rrggbb, got ${JSON.stringify(input)}`);
  return rgb;
}

/** True only for the canonical form `formatHex` produces — the only colours we inline into CSS. */
export function isHexColor(value: unknown): value is HexColor {
  return typeof value === 'string' && HEX_CANONICAL.test(value);
}

const channel = (v: number): number => Math.min(255, Math.max(0, Math.round(v)));
const hex2 = (v: number): string => channel(v).toString(16).padStart(2, '0');

/** Channels → lowercase `#rrggbb`; rounds and clamps so hand-built values can't produce invalid CSS. */
export function formatHex(c: Rgb): HexColor {
  return `#${hex2(c.r)}${hex2(c.g)}${hex2(c.b)}` as HexColor;
}

function toRgb(c: Color): Rgb {
  return typeof c === 'string' ? parseHexOrThrow(c) : c;
}

// WCAG 2.x writes the threshold as 0.03928 (from an old sRGB draft); the sRGB
// standard says 0.04045. No 8-bit value lies between them (10/255 ≈ 0.0392,
// 11/255 ≈ 0.0431), so the choice cannot change a result.
function linearize(v8: number): number {
  const v = v8 / 255;
  return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
}

/** WCAG 2.x relative luminance, 0 (black) .. 1 (white). */
export function relativeLuminance(color: Color): number {
  const { r, g, b } = toRgb(color);
  return 0.2126 * linearize(r) + 0.7152 * linearize(g) + 0.0722 * linearize(b);
}

/** WCAG 2.x contrast ratio, 1 .. 21, symmetric in its arguments. */
export function contrastRatio(a: Color, b: Color): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/**
 * Linear blend in sRGB space: t = 0 gives `a`, t = 1 gives `b` (t is clamped).
 * Mixing toward black or white scales every channel's distance to that end by
 * the same factor, which keeps the hue — that is how we darken/lighten a brand
 * colour without turning it into another colour. Rounded to 8 bits so contrast
 * checks run on exactly the colour we will emit.
 */
export function mix(a: Color, b: Color, t: number): Rgb {
  const x = toRgb(a);
  const y = toRgb(b);
  const k = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0));
  return {
    r: channel(x.r + (y.r - x.r) * k),
    g: channel(x.g + (y.g - x.g) * k),
    b: channel(x.b + (y.b - x.b) * k),
  };
}
