// GET /dashboard/customers — the account's customers (deleted ones left out), with pages from the URL query
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { CustomersTable } from '@/components/dashboard/customers/customers-table';
import { NewerOlderLinks } from '@/components/dashboard/newer-older-links';
import { PageHeader } from '@/components/ui/page-header';
import { requireMerchant } from '@/lib/dashboard/current-merchant';
import { customerListPage } from '@/lib/dashboard/customer-list';
import { customerListFiltersSchema, parseListFilters } from '@/lib/validation/dashboard-billing';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Dashboard.customers'))('title') };
}

export default async function CustomersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { db, accountId } = await requireMerchant();
  const t = await getTranslations('Dashboard.customers');
  const filters = parseListFilters(customerListFiltersSchema, await searchParams);
  const page = await customerListPage(db, { accountId, filters });
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <CustomersTable rows={page.rows} />
      <NewerOlderLinks
        messages="Dashboard.customers"
        newer={page.newer}
        older={page.older}
        href={(cursor) => `/dashboard/customers?${new URLSearchParams(cursor).toString()}`}
      />
    </>
  );
}
