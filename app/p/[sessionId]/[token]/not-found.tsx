import { getTranslations } from 'next-intl/server';
import { headers } from 'next/headers';
import { StatePage } from '@/components/checkout/state-page';
import { DEFAULT_LOCALE, localeFromAcceptLanguage } from '@/i18n/locales';

/**
 * An unknown session, a wrong token and an expired session look the same, in the browser's language:
 * read here, since a not-found boundary gets no params and no session names a language.
 */
export default async function PortalNotFound() {
  const locale = localeFromAcceptLanguage((await headers()).get('accept-language')) ?? DEFAULT_LOCALE;
  const t = await getTranslations({ locale, namespace: 'Portal' });
  return (
    <StatePage title={t('expiredTitle')} testId="portal-expired">
      {t('expired')}
    </StatePage>
  );
}
