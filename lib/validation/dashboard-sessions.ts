import { z } from 'zod';

/**
 * The dashboard's sessions list filters, read from the URL query (a GET form).
 * A value that does not parse is dropped rather than failing the page: the URL
 * is typed or edited by hand, and an empty filter is the honest reading of junk.
 */
const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)));
const cursor = z.string().regex(/^cs_[A-Za-z0-9_]{1,200}$/);
const blankToUndefined = (v: unknown): unknown => (typeof v === 'string' && v.trim() === '' ? undefined : Array.isArray(v) ? v[0] : v);

export const SESSION_STATUSES = ['open', 'complete', 'expired'] as const;
export const PAYMENT_STATUSES = ['paid', 'unpaid', 'no_payment_required'] as const;

export const sessionListFiltersSchema = z.object({
  q: z.preprocess(blankToUndefined, optional(z.string().trim().max(200))),
  status: z.preprocess(blankToUndefined, optional(z.enum(SESSION_STATUSES))),
  payment_status: z.preprocess(blankToUndefined, optional(z.enum(PAYMENT_STATUSES))),
  from: z.preprocess(blankToUndefined, optional(day)),
  to: z.preprocess(blankToUndefined, optional(day)),
  after: z.preprocess(blankToUndefined, optional(cursor)),
  before: z.preprocess(blankToUndefined, optional(cursor)),
});

export type SessionListFilters = z.infer<typeof sessionListFiltersSchema>;

/** Filters from Next's searchParams; never throws. */
export function parseSessionListFilters(searchParams: Record<string, string | string[] | undefined>): SessionListFilters {
  const parsed = sessionListFiltersSchema.safeParse(searchParams);
  return parsed.success ? parsed.data : {};
}
