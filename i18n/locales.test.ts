import { describe, expect, it } from 'vitest';
import { checkoutLocale, localeFromAcceptLanguage, matchLocale, MESSAGE_LOCALES, textDirection } from './locales';
import { CHECKOUT_LOCALES } from '@/lib/validation/checkout-session-parts';
import { PORTAL_LOCALES } from '@/lib/validation/billing-portal-sessions';

describe('choosing the checkout language', () => {
  it("ships every locale Stripe Checkout accepts, each matching itself, and the portal's English variants", () => {
    for (const locale of CHECKOUT_LOCALES.filter((l) => l !== 'auto' && l !== 'hi-IN')) expect(matchLocale(locale), locale).toBe(locale);
    expect(matchLocale('hi-IN')).toBe('hi');
    for (const locale of PORTAL_LOCALES.filter((l) => l !== 'auto')) {
      expect(MESSAGE_LOCALES, locale).toContain(matchLocale(locale));
    }
    expect(matchLocale('en-AU')).toBe('en-GB');
    expect(matchLocale('en-IN')).toBe('en-GB');
  });

  it('maps regions and scripts to the regional variant Caisse ships', () => {
    const cases: [string, string | null][] = [
      ['pt-PT', 'pt'],
      ['pt', 'pt'],
      ['pt-AO', 'pt'],
      ['pt-br', 'pt-BR'],
      ['es-MX', 'es-419'],
      ['es-AR', 'es-419'],
      ['es-US', 'es-419'],
      ['es-ES', 'es'],
      ['es', 'es'],
      ['zh-Hant-HK', 'zh-HK'],
      ['zh-MO', 'zh-HK'],
      ['zh-Hant', 'zh-TW'],
      ['zh-Hant-TW', 'zh-TW'],
      ['zh-TW', 'zh-TW'],
      ['zh-Hans-HK', 'zh'],
      ['zh-CN', 'zh'],
      ['zh-SG', 'zh'],
      ['zh', 'zh'],
      ['fr-CA', 'fr-CA'],
      ['fr-BE', 'fr'],
      ['en-US', 'en'],
      ['en', 'en'],
      ['en-GB', 'en-GB'],
      ['en_GB', 'en-GB'],
      ['de-AT', 'de'],
      ['nb-NO', 'nb'],
      ['no', 'nb'],
      ['nn-NO', 'nb'],
      ['iw', 'he'],
      ['he-IL', 'he'],
      ['ar-EG', 'ar'],
      ['tl', 'fil'],
      ['in-ID', 'id'],
      ['sw', null],
      ['not a tag', null],
      ['', null],
    ];
    for (const [tag, expected] of cases) expect(matchLocale(tag), tag).toBe(expected);
  });

  it('reads Accept-Language by quality', () => {
    expect(localeFromAcceptLanguage('sw;q=1, de-DE;q=0.8, en;q=0.5')).toBe('de');
    expect(localeFromAcceptLanguage('es-MX,es;q=0.9,en;q=0.5')).toBe('es-419');
    expect(localeFromAcceptLanguage('en;q=0.3, pt-PT')).toBe('pt');
    expect(localeFromAcceptLanguage('xx, yy, *')).toBeNull();
  });

  it("prefers the session's locale, then the browser's, then the account's, then English", () => {
    expect(checkoutLocale('ja', 'fr')).toBe('ja');
    expect(checkoutLocale('auto', 'fr-FR,fr;q=0.9')).toBe('fr');
    expect(checkoutLocale('auto', 'zh-Hant-HK,zh;q=0.8')).toBe('zh-HK');
    expect(checkoutLocale(null, null)).toBe('en');
    // The account's default only when neither the session nor the browser names a shipped locale.
    expect(checkoutLocale('auto', 'sw', 'de')).toBe('de');
    expect(checkoutLocale(null, null, 'fr')).toBe('fr');
    expect(checkoutLocale('auto', 'it', 'de')).toBe('it');
    expect(checkoutLocale('ja', 'sw', 'de')).toBe('ja');
    expect(checkoutLocale('hi-IN', 'sw', 'de')).toBe('hi');
  });

  it('writes Arabic and Hebrew right to left, everything else left to right', () => {
    expect(MESSAGE_LOCALES.filter((l) => textDirection(l) === 'rtl')).toEqual(['ar', 'he']);
  });
});
