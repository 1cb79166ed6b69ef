import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { DetailList } from '@/components/dashboard/sessions/detail/detail-list';
import { Card } from '@/components/ui/card';
import type { CustomerDetail } from '@/lib/dashboard/customer-detail';

/** Who the customer is, and the way to their payments. */
export function CustomerSummaryCard({ customer }: { customer: CustomerDetail['customer'] }) {
  const t = useTranslations('Dashboard.customers.detail');
  return (
    <Card title={t('summary')} className="mb-4">
      <DetailList
        testId="customer-summary"
        items={[
          [t('email'), customer.email],
          [t('name'), customer.name],
          [t('phone'), customer.phone],
          [t('description'), customer.description],
          [
            t('payments'),
            <Link key="payments" href={`/dashboard/payments?customer=${customer.id}`} className="text-[var(--ck-link)] underline">
              {t('view_payments')}
            </Link>,
          ],
        ]}
      />
    </Card>
  );
}
