import { getTranslations } from 'next-intl/server';
import { StatePage } from '@/components/checkout/state-page';

export default async function CheckoutNotFound() {
  const t = await getTranslations('States');
  return (
    <StatePage title={t('notFoundTitle')} testId="checkout-not-found">
      {t('notFound')}
    </StatePage>
  );
}
