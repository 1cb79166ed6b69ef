import { getTranslations } from 'next-intl/server';
import { StatePage } from '@/components/checkout/state-page';

export default async function InvoiceNotFound() {
  const t = await getTranslations('Invoice');
  return (
    <StatePage title={t('notFoundTitle')} testId="invoice-not-found">
      {t('notFound')}
    </StatePage>
  );
}
