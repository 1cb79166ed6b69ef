// GET /dashboard/customers/[id] — one customer: who they are, their subscriptions, invoices and saved payment methods; another account's id is a 404
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { CustomerSummaryCard } from '@/components/dashboard/customers/customer-summary-card';
import { PaymentMethodsCard } from '@/components/dashboard/customers/payment-methods-card';
import { DetailHeader } from '@/components/dashboard/detail-header';
import { InvoicesTable } from '@/components/dashboard/invoices/invoices-table';
import { SubscriptionsTable } from '@/components/dashboard/subscriptions/subscriptions-table';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { requireMerchant } from '@/lib/dashboard/current-merchant';
import { customerDetail } from '@/lib/dashboard/customer-detail';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Dashboard.customers'))('detail.title') };
}

export default async function CustomerDetailPage({ params }: Props) {
  const { db, accountId } = await requireMerchant();
  const { id } = await params;
  const detail = await customerDetail(db, { accountId, id });
  if (!detail) notFound();
  const [t, format] = await Promise.all([getTranslations('Dashboard.customers.detail'), getFormatter()]);
  const { customer } = detail;
  const at = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
  return (
    <>
      <DetailHeader
        back={{ href: '/dashboard/customers', text: t('back') }}
        title={customer.name ?? customer.email ?? t('title')}
        id={customer.id}
        idTestId="customer-id"
        created={t('created', { date: at(customer.created) })}
        status={customer.deleted ? <Badge>{t('deleted')}</Badge> : null}
      />
      <CustomerSummaryCard customer={customer} />
      <Card title={t('subscriptions')} className="mb-4">
        <SubscriptionsTable
          rows={detail.subscriptions}
          caption={t('subscriptions_caption')}
          empty={t('no_subscriptions')}
          withCustomer={false}
        />
      </Card>
      <Card title={t('invoices')} className="mb-4">
        <InvoicesTable rows={detail.invoices} caption={t('invoices_caption')} empty={t('no_invoices')} withCustomer={false} />
      </Card>
      <PaymentMethodsCard methods={detail.paymentMethods} />
    </>
  );
}
