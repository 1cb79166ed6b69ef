/**
 * Locales the customer-facing pages ship complete messages for; every file in messages/ has every key.
 * Every `locale` Stripe Checkout accepts (its hi-IN is hi), plus Arabic and Hebrew (right to left).
 */
export const MESSAGE_LOCALES = [
  'en',
  'en-GB',
  'ar',
  'bg',
  'cs',
  'da',
  'de',
  'el',
  'es',
  'es-419',
  'et',
  'fi',
  'fil',
  'fr',
  'fr-CA',
  'he',
  'hi',
  'hr',
  'hu',
  'id',
  'it',
  'ja',
  'ko',
  'lt',
  'lv',
  'ms',
  'mt',
  'nb',
  'nl',
  'pl',
  'pt',
  'pt-BR',
  'ro',
  'ru',
  'sk',
  'sl',
  'sv',
  'th',
  'tr',
  'vi',
  'zh',
  'zh-HK',
  'zh-TW',
] as const;
export type MessageLocale = (typeof MESSAGE_LOCALES)[number];
export const DEFAULT_LOCALE: MessageLocale = 'en';

const RTL_LANGUAGES = new Set(['ar', 'he']);

/** The page's writing direction for <html dir>. */
export function textDirection(locale: MessageLocale): 'rtl' | 'ltr' {
  return RTL_LANGUAGES.has(locale) ? 'rtl' : 'ltr';
}

const BY_LOWER = new Map<string, MessageLocale>(MESSAGE_LOCALES.map((l) => [l.toLowerCase(), l]));

/** Retired or alternative language subtags browsers still send. */
const LANGUAGE_ALIASES: Record<string, string> = { iw: 'he', in: 'id', tl: 'fil', no: 'nb', nn: 'nb' };

/** Regions whose English is the US's; every other English region (CLDR's en-001 family) reads British English best. */
const US_ENGLISH = new Set(['US', 'AS', 'GU', 'MP', 'PR', 'UM', 'VI']);
/** Spanish outside the Americas: Spain's; the Americas (and `es-419`) read Latin American Spanish. */
const EUROPEAN_SPANISH = new Set(['ES', 'EA', 'IC', 'GQ', 'PH']);
/** Traditional Chinese as Hong Kong writes it; elsewhere Traditional means Taiwan's. */
const HONG_KONG_CHINESE = new Set(['HK', 'MO']);

function parse(tag: string): Intl.Locale | null {
  try {
    return new Intl.Locale(tag.trim().replaceAll('_', '-'));
  } catch {
    return null;
  }
}

/** The regional variant a language's region (and script) points to, where Caisse ships several. */
function regionalVariant(language: string, loc: Intl.Locale): string {
  const region = loc.region;
  switch (language) {
    case 'en':
      return !region || US_ENGLISH.has(region) ? 'en' : 'en-GB';
    case 'es':
      return !region || EUROPEAN_SPANISH.has(region) ? 'es' : 'es-419';
    case 'pt':
      return region === 'BR' ? 'pt-BR' : 'pt';
    case 'fr':
      return region === 'CA' ? 'fr-CA' : 'fr';
    case 'zh': {
      const script = loc.script ?? (region ? loc.maximize().script : 'Hans');
      if (script !== 'Hant') return 'zh';
      return region && HONG_KONG_CHINESE.has(region) ? 'zh-HK' : 'zh-TW';
    }
    default:
      return language;
  }
}

/**
 * The closest shipped locale for a BCP 47 tag, or null: an exact match first (Stripe's own values such as
 * "es-419" or "zh-HK"), then the language's variant for the region and script ("pt-PT" → pt, "es-MX" → es-419,
 * "zh-Hant-HK" → zh-HK, "en-AU" → en-GB), then the language alone.
 */
export function matchLocale(tag: string | null | undefined): MessageLocale | null {
  if (!tag) return null;
  const exact = BY_LOWER.get(tag.trim().toLowerCase());
  if (exact) return exact;
  const loc = parse(tag);
  if (!loc) return null;
  const language = LANGUAGE_ALIASES[loc.language] ?? loc.language;
  return BY_LOWER.get(regionalVariant(language, loc).toLowerCase()) ?? BY_LOWER.get(language) ?? null;
}

/** Accept-Language, best quality first, to the first shipped locale. */
export function localeFromAcceptLanguage(header: string | null): MessageLocale | null {
  if (!header) return null;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag, q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((x) => x.tag && x.tag !== '*' && x.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    const match = matchLocale(tag);
    if (match) return match;
  }
  return null;
}

/** The session's locale, else the browser's, else the account's default (set in the dashboard), else English. */
export function checkoutLocale(
  sessionLocale: string | null,
  acceptLanguage: string | null,
  accountDefault: string | null = null,
): MessageLocale {
  return requestedLocale(sessionLocale, acceptLanguage) ?? matchLocale(accountDefault) ?? DEFAULT_LOCALE;
}

/** The session's locale, else the browser's; null when neither names one Caisse ships (the account's default decides). */
export function requestedLocale(sessionLocale: string | null, acceptLanguage: string | null): MessageLocale | null {
  const explicit = sessionLocale && sessionLocale !== 'auto' ? matchLocale(sessionLocale) : null;
  return explicit ?? localeFromAcceptLanguage(acceptLanguage);
}
