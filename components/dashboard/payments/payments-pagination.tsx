import type { PaymentListFilters } from '@/lib/validation/dashboard-payments';
import { NewerOlderLinks } from '../newer-older-links';
import { paymentsHref } from './payment-status-filter';

/** Newer and older pages of the payments list, with the same filters. */
export function PaymentsPagination({ filters, newer, older }: { filters: PaymentListFilters; newer: string | null; older: string | null }) {
  return (
    <NewerOlderLinks
      messages="Dashboard.payments"
      newer={newer}
      older={older}
      href={(cursor) => paymentsHref(filters, filters.status, cursor)}
    />
  );
}
