import { useTranslations } from 'next-intl';
import { INVOICE_FILTERS, type InvoiceFilter } from '@/lib/dashboard/billing-status';
import type { InvoiceListFilters } from '@/lib/validation/dashboard-billing';
import { TabLinks } from '../tab-links';

/** The list URL for a status (none: all), from the first page unless a cursor is given. */
export function invoicesHref(status: InvoiceFilter | undefined, cursor?: Record<string, string>) {
  const params = new URLSearchParams({ ...(status ? { status } : {}), ...cursor });
  const query = params.toString();
  return query ? `/dashboard/invoices?${query}` : '/dashboard/invoices';
}

/** The status filter as tabs (TabLinks): the filter lives in the URL, so it works without JavaScript. */
export function InvoiceStatusFilter({ filters }: { filters: InvoiceListFilters }) {
  const t = useTranslations('Dashboard.invoices.filters');
  const statuses: (InvoiceFilter | undefined)[] = [undefined, ...INVOICE_FILTERS];
  return (
    <TabLinks
      label={t('label')}
      tabs={statuses.map((status) => ({ href: invoicesHref(status), label: t(status ?? 'all'), current: filters.status === status }))}
      className="mb-4"
    />
  );
}
