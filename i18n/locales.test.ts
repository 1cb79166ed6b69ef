import { describe, expect, it } from 'vitest';
import { checkoutLocale, localeFromAcceptLanguage, matchLocale } from './locales';

describe('choosing the checkout language', () => {
  it('maps Stripe locales to the shipped messages', () => {
    expect(matchLocale('fr-CA')).toBe('fr');
    expect(matchLocale('pt')).toBe('pt-BR');
    expect(matchLocale('zh-TW')).toBe('zh');
    expect(matchLocale('es-419')).toBe('es');
    expect(matchLocale('sv')).toBeNull();
  });

  it('reads Accept-Language by quality', () => {
    expect(localeFromAcceptLanguage('sv;q=1, de-DE;q=0.8, en;q=0.5')).toBe('de');
    expect(localeFromAcceptLanguage('xx, yy')).toBeNull();
  });

  it("prefers the session's locale, then the browser's, then English", () => {
    expect(checkoutLocale('ja', 'fr')).toBe('ja');
    expect(checkoutLocale('auto', 'fr-FR,fr;q=0.9')).toBe('fr');
    expect(checkoutLocale(null, null)).toBe('en');
    // The account's default only when neither the session nor the browser names a shipped locale.
    expect(checkoutLocale('auto', 'sw', 'de')).toBe('de');
    expect(checkoutLocale(null, null, 'fr')).toBe('fr');
    expect(checkoutLocale('auto', 'it', 'de')).toBe('it');
    expect(checkoutLocale('ja', 'sw', 'de')).toBe('ja');
  });
});
