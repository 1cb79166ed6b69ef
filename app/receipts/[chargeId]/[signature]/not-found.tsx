import { getTranslations } from 'next-intl/server';
import { StatePage } from '@/components/checkout/state-page';

export default async function ReceiptNotFound() {
  const t = await getTranslations('Receipt');
  return (
    <StatePage title={t('notFoundTitle')} testId="receipt-not-found">
      {t('notFound')}
    </StatePage>
  );
}
