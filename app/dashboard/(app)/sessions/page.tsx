// GET /dashboard/sessions — the account's checkout sessions: search, filters and pages from the URL query
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PaginationLinks } from '@/components/dashboard/sessions/pagination-links';
import { SessionFilters } from '@/components/dashboard/sessions/session-filters';
import { SessionsTable } from '@/components/dashboard/sessions/sessions-table';
import { PageHeader } from '@/components/ui/page-header';
import { requireMerchant } from '@/lib/dashboard/current-merchant';
import { sessionListPage } from '@/lib/dashboard/session-list';
import { parseSessionListFilters } from '@/lib/validation/dashboard-sessions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Dashboard.sessions'))('title') };
}

export default async function SessionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { db, accountId } = await requireMerchant();
  const t = await getTranslations('Dashboard.sessions');
  const filters = parseSessionListFilters(await searchParams);
  const page = await sessionListPage(db, { accountId, filters });
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <SessionFilters filters={filters} />
      <SessionsTable rows={page.rows} />
      <PaginationLinks filters={filters} newer={page.newer} older={page.older} />
    </>
  );
}
