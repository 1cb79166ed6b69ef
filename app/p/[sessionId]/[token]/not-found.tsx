import { getTranslations } from 'next-intl/server';
import { StatePage } from '@/components/checkout/state-page';

/** An unknown session, a wrong token and an expired session look the same. */
export default async function PortalNotFound() {
  const t = await getTranslations('Portal');
  return (
    <StatePage title={t('expiredTitle')} testId="portal-expired">
      {t('expired')}
    </StatePage>
  );
}
