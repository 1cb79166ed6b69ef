import { getTranslations } from 'next-intl/server';
import { StatePage } from '@/components/checkout/state-page';

/** A link that is not, or no longer, a challenge waiting: already answered, canceled, or never signed by Caisse. */
export default async function IntentChallengeNotFound() {
  const t = await getTranslations('States');
  return (
    <StatePage title={t('notFoundTitle')} testId="challenge-not-found">
      {t('notFound')}
    </StatePage>
  );
}
