import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { PaymentListFilters } from '@/lib/validation/dashboard-payments';
import { paymentsHref } from './payment-status-filter';

/** Newer and older pages of the payments list, with the same filters. */
export async function PaymentsPagination({
  filters,
  newer,
  older,
}: {
  filters: PaymentListFilters;
  newer: string | null;
  older: string | null;
}) {
  if (!newer && !older) return null;
  const t = await getTranslations('Dashboard.payments');
  return (
    <nav aria-label={t('pagination')} className="mt-4 flex justify-between gap-3 text-sm">
      {newer ? (
        <Link href={paymentsHref(filters, filters.status, { before: newer })} rel="prev" className="text-[var(--ck-link)] underline">
          ← {t('newer')}
        </Link>
      ) : (
        <span />
      )}
      {older ? (
        <Link href={paymentsHref(filters, filters.status, { after: older })} rel="next" className="text-[var(--ck-link)] underline">
          {t('older')} →
        </Link>
      ) : null}
    </nav>
  );
}
