/** Locales the checkout ships complete messages for; every file in messages/ has every key. */
export const MESSAGE_LOCALES = ['en', 'fr', 'de', 'es', 'it', 'nl', 'pt-BR', 'ja', 'zh', 'pl'] as const;
export type MessageLocale = (typeof MESSAGE_LOCALES)[number];
export const DEFAULT_LOCALE: MessageLocale = 'en';

const ALIASES: Partial<Record<string, MessageLocale>> = {
  pt: 'pt-BR',
  'zh-hk': 'zh',
  'zh-tw': 'zh',
  'zh-cn': 'zh',
  'es-419': 'es',
  'fr-ca': 'fr',
  'en-gb': 'en',
};

/** The closest shipped locale for a tag such as "fr-CA" or "pt", or null. */
export function matchLocale(tag: string | null | undefined): MessageLocale | null {
  if (!tag) return null;
  const lower = tag.trim().toLowerCase();
  const exact = MESSAGE_LOCALES.find((l) => l.toLowerCase() === lower);
  if (exact) return exact;
  const alias = ALIASES[lower];
  if (alias) return alias;
  const base = lower.split('-')[0];
  return MESSAGE_LOCALES.find((l) => l.toLowerCase() === base) ?? ALIASES[base] ?? null;
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
    .filter((x) => x.tag && x.q > 0)
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
