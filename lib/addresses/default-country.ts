/**
 * The country an address form starts on before the customer picks one, as Stripe's page preselects it: the
 * region of the browser's first language that names one (`es-MX` → MX), else of the session's `locale` (`fr-CA` →
 * CA), else the language's usual country (`ja` → JP, `de` → DE). Null when none is a country the form offers.
 */
export function defaultCountry(acceptLanguage: string | null, sessionLocale: string | null, offered: readonly string[]): string | null {
  const tags = [...(acceptLanguage ?? '').split(',').map((part) => part.split(';')[0].trim()), sessionLocale ?? ''].filter(
    (t) => t && t !== '*' && t !== 'auto',
  );
  const locales = tags.flatMap((t) => {
    try {
      return [new Intl.Locale(t)];
    } catch {
      return [];
    }
  });
  const country = (region: string | undefined) => (region && offered.includes(region) ? region : null);
  for (const l of locales) {
    const explicit = country(l.region);
    if (explicit) return explicit;
  }
  for (const l of locales) {
    const likely = country(l.maximize().region);
    if (likely) return likely;
  }
  return null;
}
