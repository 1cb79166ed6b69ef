export type CountryOption = { code: string; name: string };

/**
 * Countries named in the page's language and sorted by that name. Computed on
 * the server only and handed to the form: the browser's ICU data may name or
 * order them differently, and a mismatch would make React re-create the form
 * while the customer types (losing what they typed).
 */
export function countryOptions(codes: readonly string[], locale: string): CountryOption[] {
  const names = new Intl.DisplayNames([locale], { type: 'region' });
  return codes.map((code) => ({ code, name: names.of(code) ?? code })).sort((a, b) => a.name.localeCompare(b.name, locale));
}
