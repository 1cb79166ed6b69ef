// GET /dashboard/invoices — the account's invoices: status filter and pages from the URL query
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { InvoiceStatusFilter, invoicesHref } from '@/components/dashboard/invoices/invoice-status-filter';
import { InvoicesTable } from '@/components/dashboard/invoices/invoices-table';
import { NewerOlderLinks } from '@/components/dashboard/newer-older-links';
import { PageHeader } from '@/components/ui/page-header';
import { requireMerchant } from '@/lib/dashboard/current-merchant';
import { invoiceListPage } from '@/lib/dashboard/invoice-list';
import { invoiceListFiltersSchema, parseListFilters } from '@/lib/validation/dashboard-billing';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Dashboard.invoices'))('title') };
}

export default async function InvoicesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { db, accountId } = await requireMerchant();
  const t = await getTranslations('Dashboard.invoices');
  const filters = parseListFilters(invoiceListFiltersSchema, await searchParams);
  const page = await invoiceListPage(db, { accountId, filters });
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <InvoiceStatusFilter filters={filters} />
      <InvoicesTable rows={page.rows} caption={t('caption')} empty={t('empty')} />
      <NewerOlderLinks
        messages="Dashboard.invoices"
        newer={page.newer}
        older={page.older}
        href={(cursor) => invoicesHref(filters.status, cursor)}
      />
    </>
  );
}
