// GET /dashboard/payments — the account's payments (one per charge): status filter, customer filter and pages from the URL query
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { PaymentStatusFilter, paymentsHref } from '@/components/dashboard/payments/payment-status-filter';
import { PaymentsPagination } from '@/components/dashboard/payments/payments-pagination';
import { PaymentsTable } from '@/components/dashboard/payments/payments-table';
import { PageHeader } from '@/components/ui/page-header';
import { requireMerchant } from '@/lib/dashboard/current-merchant';
import { paymentListPage } from '@/lib/dashboard/payment-list';
import { parsePaymentListFilters } from '@/lib/validation/dashboard-payments';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Dashboard.payments'))('title') };
}

export default async function PaymentsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { db, accountId } = await requireMerchant();
  const t = await getTranslations('Dashboard.payments');
  const filters = parsePaymentListFilters(await searchParams);
  const page = await paymentListPage(db, { accountId, filters });
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <PaymentStatusFilter filters={filters} />
      {filters.customer ? (
        <p className="mb-4 text-sm" data-testid="customer-filter">
          {t('customer_filter', { customer: filters.customer })}{' '}
          <Link href={paymentsHref({}, filters.status)} className="text-[var(--ck-link)] underline">
            {t('clear_customer')}
          </Link>
        </p>
      ) : null}
      <PaymentsTable rows={page.rows} />
      <PaymentsPagination filters={filters} newer={page.newer} older={page.older} />
    </>
  );
}
