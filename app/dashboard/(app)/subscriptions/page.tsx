// GET /dashboard/subscriptions — the account's subscriptions: status filter and pages from the URL query
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { NewerOlderLinks } from '@/components/dashboard/newer-older-links';
import { SubscriptionStatusFilter, subscriptionsHref } from '@/components/dashboard/subscriptions/subscription-status-filter';
import { SubscriptionsTable } from '@/components/dashboard/subscriptions/subscriptions-table';
import { PageHeader } from '@/components/ui/page-header';
import { requireMerchant } from '@/lib/dashboard/current-merchant';
import { subscriptionListPage } from '@/lib/dashboard/subscription-list';
import { parseListFilters, subscriptionListFiltersSchema } from '@/lib/validation/dashboard-billing';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Dashboard.subscriptions'))('title') };
}

export default async function SubscriptionsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { db, accountId } = await requireMerchant();
  const t = await getTranslations('Dashboard.subscriptions');
  const filters = parseListFilters(subscriptionListFiltersSchema, await searchParams);
  const page = await subscriptionListPage(db, { accountId, filters });
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <SubscriptionStatusFilter filters={filters} />
      <SubscriptionsTable rows={page.rows} caption={t('caption')} empty={t('empty')} />
      <NewerOlderLinks
        messages="Dashboard.subscriptions"
        newer={page.newer}
        older={page.older}
        href={(cursor) => subscriptionsHref(filters.status, cursor)}
      />
    </>
  );
}
