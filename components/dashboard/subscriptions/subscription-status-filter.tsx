import { useTranslations } from 'next-intl';
import { SUBSCRIPTION_FILTERS, type SubscriptionFilter } from '@/lib/dashboard/billing-status';
import type { SubscriptionListFilters } from '@/lib/validation/dashboard-billing';
import { TabLinks } from '../tab-links';

/** The list URL for a status (none: all), from the first page unless a cursor is given. */
export function subscriptionsHref(status: SubscriptionFilter | undefined, cursor?: Record<string, string>) {
  const params = new URLSearchParams({ ...(status ? { status } : {}), ...cursor });
  const query = params.toString();
  return query ? `/dashboard/subscriptions?${query}` : '/dashboard/subscriptions';
}

/** The status filter as tabs (TabLinks): the filter lives in the URL, so it works without JavaScript. */
export function SubscriptionStatusFilter({ filters }: { filters: SubscriptionListFilters }) {
  const t = useTranslations('Dashboard.subscriptions.filters');
  const statuses: (SubscriptionFilter | undefined)[] = [undefined, ...SUBSCRIPTION_FILTERS];
  return (
    <TabLinks
      label={t('label')}
      tabs={statuses.map((status) => ({ href: subscriptionsHref(status), label: t(status ?? 'all'), current: filters.status === status }))}
      className="mb-4"
    />
  );
}
