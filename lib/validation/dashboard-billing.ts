import { z } from 'zod';
import { INVOICE_FILTERS, SUBSCRIPTION_FILTERS } from '@/lib/dashboard/billing-status';

/**
 * The dashboard's billing pages: the lists' filters (from the URL: a value that does not parse is
 * dropped, see dashboard-sessions.ts) and the subscription actions' input. The retry settings form is
 * retry-settings.ts.
 */

const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);
const blankToUndefined = (v: unknown): unknown => (typeof v === 'string' && v.trim() === '' ? undefined : Array.isArray(v) ? v[0] : v);
const idOf = (prefix: string) => z.preprocess(blankToUndefined, optional(z.string().regex(new RegExp(`^${prefix}_[A-Za-z0-9_]{1,200}$`))));

export const subscriptionListFiltersSchema = z.object({
  status: z.preprocess(blankToUndefined, optional(z.enum(SUBSCRIPTION_FILTERS))),
  after: idOf('sub'),
  before: idOf('sub'),
});
export type SubscriptionListFilters = z.infer<typeof subscriptionListFiltersSchema>;

export const invoiceListFiltersSchema = z.object({
  status: z.preprocess(blankToUndefined, optional(z.enum(INVOICE_FILTERS))),
  after: idOf('in'),
  before: idOf('in'),
});
export type InvoiceListFilters = z.infer<typeof invoiceListFiltersSchema>;

export const customerListFiltersSchema = z.object({ after: idOf('cus'), before: idOf('cus') });
export type CustomerListFilters = z.infer<typeof customerListFiltersSchema>;

type SearchParams = Record<string, string | string[] | undefined>;

/** A list's filters from Next's searchParams; never throws. */
export function parseListFilters<S extends z.ZodType>(schema: S, searchParams: SearchParams): Partial<z.output<S>> {
  const parsed = schema.safeParse(searchParams);
  return parsed.success ? parsed.data : {};
}

// ---- Subscription actions: cancel at period end (or take it back); cancel now takes nothing.
export const cancelAtPeriodEndSchema = z.object({ cancelAtPeriodEnd: z.boolean() });
export type CancelAtPeriodEndInput = z.input<typeof cancelAtPeriodEndSchema>;
