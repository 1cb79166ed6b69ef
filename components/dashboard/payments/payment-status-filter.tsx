import { useTranslations } from 'next-intl';
import { PAYMENT_FILTERS, type PaymentFilter } from '@/lib/dashboard/payment-status';
import type { PaymentListFilters } from '@/lib/validation/dashboard-payments';
import { TabLinks } from '../tab-links';

/** The list URL for a status (none: all), keeping the customer filter and starting again from the first page. */
export function paymentsHref(
  filters: Pick<PaymentListFilters, 'customer'>,
  status: PaymentFilter | undefined,
  cursor?: Record<string, string>,
) {
  const params = new URLSearchParams();
  if (status) params.set('status', status);
  if (filters.customer) params.set('customer', filters.customer);
  for (const [k, v] of Object.entries(cursor ?? {})) params.set(k, v);
  const query = params.toString();
  return query ? `/dashboard/payments?${query}` : '/dashboard/payments';
}

/** The status filter as tabs (TabLinks): the filter lives in the URL, so it works without JavaScript. */
export function PaymentStatusFilter({ filters }: { filters: PaymentListFilters }) {
  const t = useTranslations('Dashboard.payments.filters');
  const statuses: (PaymentFilter | undefined)[] = [undefined, ...PAYMENT_FILTERS];
  return (
    <TabLinks
      label={t('label')}
      tabs={statuses.map((status) => ({
        href: paymentsHref(filters, status),
        label: t(status ?? 'all'),
        current: filters.status === status,
      }))}
      className="mb-4"
    />
  );
}
