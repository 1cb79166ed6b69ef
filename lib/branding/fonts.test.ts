import { describe, expect, it } from 'vitest';
import { brandingSettingsSchema } from '@/lib/validation/checkout-session-parts';
import { FONT_IDS, fontStack, isFontId, isKnownFontStack } from './fonts';

const GENERIC = /, (sans-serif|serif|monospace)$/;

describe('font stacks', () => {
  it('covers exactly the font ids the API accepts', () => {
    for (const id of FONT_IDS) expect(brandingSettingsSchema.safeParse({ font_family: id }).success, id).toBe(true);
    expect(brandingSettingsSchema.safeParse({ font_family: 'comic_sans' }).success).toBe(false);
  });

  it('uses the system UI font for default', () => {
    expect(fontStack('default').startsWith('system-ui,')).toBe(true);
  });

  it.each(FONT_IDS.filter((id) => id !== 'default'))('%s names its own font first and ends on a generic family', (id) => {
    const stack = fontStack(id);
    expect(stack).toMatch(/^"[A-Za-z0-9 ]+", /);
    expect(stack).toMatch(GENERIC);
  });

  it.each([
    ['inter', '"Inter"', 'sans-serif'],
    ['lora', '"Lora"', 'serif'],
    ['roboto_slab', '"Roboto Slab"', 'serif'],
    ['ubuntu_mono', '"Ubuntu Mono"', 'monospace'],
    ['m_plus_1_code', '"M PLUS 1 Code"', 'monospace'],
    ['noto_sans_jp', '"Noto Sans JP"', 'sans-serif'],
  ] as const)('%s → %s … %s', (id, first, generic) => {
    const stack = fontStack(id);
    expect(stack.startsWith(first)).toBe(true);
    expect(stack.endsWith(`, ${generic}`)).toBe(true);
  });

  it('loads nothing from the network and is safe to inline', () => {
    for (const id of FONT_IDS) {
      expect(fontStack(id)).not.toMatch(/url\(|[;{}<>\\]/);
    }
  });

  it('recognises only its own ids and stacks', () => {
    expect(isFontId('lato')).toBe(true);
    expect(isFontId('comic_sans')).toBe(false);
    expect(isFontId('toString')).toBe(false);
    expect(isFontId(null)).toBe(false);
    expect(isKnownFontStack(fontStack('lato'))).toBe(true);
    expect(isKnownFontStack('"Lato", sans-serif')).toBe(false);
  });
});
