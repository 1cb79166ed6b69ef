import { describe, expect, it } from 'vitest';
import { themeToCssVars } from './css-vars';
import { resolveTheme, type Theme } from './theme';

const theme = resolveTheme({ background_color: '#0a0a23', button_color: '#635bff', border_style: 'pill', font_family: 'inter' });

describe('themeToCssVars', () => {
  it('maps every theme field to its --ck-* property', () => {
    expect(themeToCssVars(theme)).toEqual({
      '--ck-bg': theme.background,
      '--ck-text': theme.text,
      '--ck-muted': theme.mutedText,
      '--ck-surface': theme.surface,
      '--ck-border': theme.border,
      '--ck-button': theme.button,
      '--ck-button-text': theme.buttonText,
      '--ck-link': theme.link,
      '--ck-focus': theme.focusRing,
      '--ck-radius-control': '12px',
      '--ck-radius-button': '9999px',
      '--ck-font': theme.fontStack,
    });
  });

  it('emits only hex colours, px lengths and the known font stack', () => {
    const vars = themeToCssVars(theme);
    for (const [name, value] of Object.entries(vars)) {
      if (name === '--ck-font') continue;
      expect(value).toMatch(/^(#[0-9a-f]{6}|\d+px)$/);
    }
  });

  // A Theme is a plain object; if someone builds one from merchant input the
  // page must fail loudly rather than inline CSS it did not write.
  it.each<[string, Partial<Theme>]>([
    ['a named colour', { button: 'red' as Theme['button'] }],
    ['a CSS injection in a colour', { background: '#fff;}body{display:none' as Theme['background'] }],
    ['an upper-case hex', { link: '#0074D4' as Theme['link'] }],
    ['a non-px radius', { radius: { control: '1em' as Theme['radius']['control'], button: '6px' } }],
    ['a radius expression', { radius: { control: '6px', button: 'calc(1px)' as Theme['radius']['button'] } }],
    ['a font stack not from the list', { fontStack: '"Evil"; } * { background: url(https://x)' }],
  ])('rejects %s', (_label, override) => {
    expect(() => themeToCssVars({ ...theme, ...override })).toThrow(RangeError);
  });
});
