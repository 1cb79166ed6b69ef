import { describe, expect, it } from 'vitest';
import { contrastRatio, parseHexOrThrow, relativeLuminance } from './color';
import { fontStack } from './fonts';
import { DEFAULT_BRANDING, mergeBranding, resolveTheme, type BorderStyle, type Theme } from './theme';

/** Hue in degrees, for checking an adjusted brand colour is still "the same colour". */
function hue(hex: string): number {
  const { r, g, b } = parseHexOrThrow(hex);
  const max = Math.max(r, g, b);
  const d = max - Math.min(r, g, b);
  if (d === 0) return 0;
  const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return (h * 60 + 360) % 360;
}

function expectAccessible(t: Theme): void {
  expect(contrastRatio(t.text, t.background)).toBeGreaterThanOrEqual(4.5);
  expect(contrastRatio(t.mutedText, t.background)).toBeGreaterThanOrEqual(4.5);
  expect(contrastRatio(t.buttonText, t.button)).toBeGreaterThanOrEqual(4.5);
  expect(contrastRatio(t.button, t.background)).toBeGreaterThanOrEqual(3);
  expect(contrastRatio(t.link, t.background)).toBeGreaterThanOrEqual(4.5);
}

describe('resolveTheme defaults', () => {
  it('uses Stripe-like defaults when nothing is set', () => {
    for (const input of [undefined, null, {}]) {
      const t = resolveTheme(input);
      expect(t.background).toBe('#ffffff');
      expect(t.button).toBe('#0074d4'); // already 4.7:1 on white: kept as is
      expect(t.buttonText).toBe('#ffffff');
      expect(t.link).toBe('#0074d4');
      expect(t.radius).toEqual({ control: '6px', button: '6px' });
      expect(t.fontId).toBe('default');
      expect(t.fontStack).toBe(fontStack('default'));
      expectAccessible(t);
    }
  });

  it('falls back to defaults for values it cannot use instead of throwing', () => {
    // A border style the type does not allow, as a stored value from elsewhere could hold.
    const wavy: string = 'wavy';
    const t = resolveTheme({ background_color: 'tomato', button_color: '#12', border_style: wavy as BorderStyle, font_family: 'papyrus' });
    expect(t).toEqual(resolveTheme({}));
  });

  it.each([
    ['pill', { control: '12px', button: '9999px' }],
    ['rounded', { control: '6px', button: '6px' }],
    ['rectangular', { control: '0px', button: '0px' }],
  ] as const)('border_style %s → radii %j', (border_style, radius) => {
    expect(resolveTheme({ border_style }).radius).toEqual(radius);
  });

  it('maps the font id to its stack', () => {
    const t = resolveTheme({ font_family: 'lora' });
    expect(t.fontId).toBe('lora');
    expect(t.fontStack).toBe(fontStack('lora'));
  });
});

describe('resolveTheme colours', () => {
  it('light background: near-black text tinted by the page, lighter surface, brand button kept', () => {
    const t = resolveTheme({ background_color: '#F6F1E9', button_color: '#5469D4' });
    expect(t.background).toBe('#f6f1e9');
    expect(relativeLuminance(t.text)).toBeLessThan(0.02);
    expect(t.text).not.toBe('#000000');
    expect(relativeLuminance(t.surface)).toBeGreaterThanOrEqual(relativeLuminance(t.background));
    expect(t.button).toBe('#5469d4');
    expect(t.buttonText).toBe('#ffffff');
    expectAccessible(t);
  });

  it('dark background: near-white text and a lightened link from a dark brand colour', () => {
    const t = resolveTheme({ background_color: '#0a0a23', button_color: '#1d2a7a' });
    expect(relativeLuminance(t.text)).toBeGreaterThan(0.7);
    expect(t.buttonText).toBe('#ffffff');
    expect(relativeLuminance(t.button)).toBeGreaterThan(relativeLuminance('#1d2a7a'));
    expect(Math.abs(hue(t.button) - hue('#1d2a7a'))).toBeLessThan(3);
    expectAccessible(t);
  });

  it.each(['#777777', '#767676', '#808080', '#6b6b6b'])('mid-grey background %s still gets AA text, muted text and link', (bg) => {
    // Around 0.18 luminance neither black nor white reaches much more than 4.5:1,
    // so the tints are pulled all the way back toward pure ink.
    const t = resolveTheme({ background_color: bg, button_color: bg });
    expectAccessible(t);
  });

  it('yellow button on white is darkened to 3:1, keeping its hue', () => {
    const t = resolveTheme({ background_color: '#ffffff', button_color: '#ffd700' });
    expect(contrastRatio('#ffd700', '#ffffff')).toBeLessThan(3);
    expect(t.button).not.toBe('#ffd700');
    expect(contrastRatio(t.button, '#ffffff')).toBeGreaterThanOrEqual(3);
    expect(contrastRatio(t.button, '#ffffff')).toBeLessThan(3.3); // the nearest passing shade, not brown
    expect(Math.abs(hue(t.button) - hue('#ffd700'))).toBeLessThan(3);
    expect(relativeLuminance(t.buttonText)).toBeLessThan(0.05); // dark label on a gold button
    expectAccessible(t);
  });

  it('white button on white becomes a visible grey with a dark label', () => {
    const t = resolveTheme({ background_color: '#ffffff', button_color: '#ffffff' });
    const { r, g, b } = parseHexOrThrow(t.button);
    expect(r === g && g === b).toBe(true);
    expect(contrastRatio(t.button, '#ffffff')).toBeGreaterThanOrEqual(3);
    expectAccessible(t);
  });

  it('form borders reach 3:1 against the background and the surface (WCAG 1.4.11)', () => {
    for (const background_color of ['#ffffff', '#0a0a23', '#777777', '#f6f1e9']) {
      const t = resolveTheme({ background_color });
      expect(contrastRatio(t.border, t.background)).toBeGreaterThanOrEqual(3);
      expect(contrastRatio(t.border, t.surface)).toBeGreaterThanOrEqual(3);
    }
  });

  it('accepts #rgb shorthand and normalises case', () => {
    expect(resolveTheme({ background_color: '#FFF', button_color: '#0074D4' })).toEqual(resolveTheme({}));
  });
});

describe('mergeBranding', () => {
  const account = { background_color: '#101010', button_color: '#ff5500', border_style: 'pill', font_family: 'inter' } as const;

  it('prefers session values, field by field', () => {
    expect(mergeBranding(account, { button_color: '#00AA00', font_family: 'lora' })).toEqual({
      background_color: '#101010',
      button_color: '#00aa00',
      border_style: 'pill',
      font_family: 'lora',
    });
  });

  it("treats null and '' in the session as \"use the account's\"", () => {
    const merged = mergeBranding(account, { background_color: '', button_color: null, border_style: null, font_family: '' });
    expect(merged).toEqual(account);
  });

  it('falls through to the account when a session value is unusable', () => {
    expect(mergeBranding(account, { background_color: 'black', font_family: 'comic_sans' })).toEqual(account);
  });

  it('leaves unset fields null so resolveTheme applies the defaults', () => {
    expect(mergeBranding(null, undefined)).toEqual({ background_color: null, button_color: null, border_style: null, font_family: null });
    expect(resolveTheme(mergeBranding({}, null))).toEqual(resolveTheme(DEFAULT_BRANDING));
  });

  it('feeds resolveTheme', () => {
    const t = resolveTheme(mergeBranding(account, { border_style: 'rectangular' }));
    expect(t.background).toBe('#101010');
    expect(t.radius.button).toBe('0px');
    expect(t.fontId).toBe('inter');
  });
});
