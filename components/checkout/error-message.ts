import type { useTranslations } from 'next-intl';

/**
 * A field's error in the page's language: its key under Errors, with the parameters the server put after `?`
 * (`address.postal_code.invalid_example?country=GB&example=EC1Y 8SY`); a country code is named as the locale names it.
 */
export function errorMessage(t: ReturnType<typeof useTranslations>, locale: string, key: string): string {
  const [name, query = ''] = key.split('?', 2);
  const values = Object.fromEntries(new URLSearchParams(query));
  if (values.country) values.country = new Intl.DisplayNames([locale], { type: 'region' }).of(values.country) ?? values.country;
  return t(`Errors.${name}` as never, values as never);
}
