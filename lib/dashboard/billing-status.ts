import type { InvoiceRow } from '@/db/queries/invoices';
import type { SubscriptionRow } from '@/db/queries/subscriptions';

/** The subscriptions list's status tabs ("all" being no filter): every status a subscription may have. */
export const SUBSCRIPTION_FILTERS = [
  'active',
  'trialing',
  'past_due',
  'unpaid',
  'paused',
  'incomplete',
  'incomplete_expired',
  'canceled',
] as const satisfies readonly SubscriptionRow['status'][];
export type SubscriptionFilter = (typeof SUBSCRIPTION_FILTERS)[number];

/** The invoices list's status tabs. */
export const INVOICE_FILTERS = ['draft', 'open', 'paid', 'void', 'uncollectible'] as const satisfies readonly InvoiceRow['status'][];
export type InvoiceFilter = (typeof INVOICE_FILTERS)[number];
