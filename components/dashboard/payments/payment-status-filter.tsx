import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { PAYMENT_FILTERS, type PaymentFilter } from '@/lib/dashboard/payment-status';
import type { PaymentListFilters } from '@/lib/validation/dashboard-payments';

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

/**
 * The status filter as tabs of plain links: the filter lives in the URL, works without JavaScript,
 * and the current one is marked for screen readers (aria-current).
 */
export function PaymentStatusFilter({ filters }: { filters: PaymentListFilters }) {
  const t = useTranslations('Dashboard.payments.filters');
  const tabs: { status: PaymentFilter | undefined; label: string }[] = [
    { status: undefined, label: t('all') },
    ...PAYMENT_FILTERS.map((s) => ({ status: s, label: t(s) })),
  ];
  return (
    <nav aria-label={t('label')} className="mb-4 border-b border-[var(--ck-border)]">
      <ul className="flex gap-1 overflow-x-auto">
        {tabs.map((tab) => (
          <li key={tab.status ?? 'all'}>
            <Link
              href={paymentsHref(filters, tab.status)}
              aria-current={filters.status === tab.status ? 'page' : undefined}
              className="-mb-px block whitespace-nowrap border-b-2 border-transparent px-3 py-2 text-sm aria-[current=page]:border-[var(--ck-link)] aria-[current=page]:font-semibold aria-[current=page]:text-[var(--ck-link)]"
            >
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
