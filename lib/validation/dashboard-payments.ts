import { z } from 'zod';
import { PAYMENT_FILTERS } from '@/lib/dashboard/payment-status';
import { majorToMinor } from '@/lib/money/major-units';

/**
 * The dashboard's payments pages: the list's filters (from the URL) and the forms of a payment's page
 * (refund, capture, cancel, dispute evidence). Form messages are keys of Dashboard.payments.errors.
 * Amounts are typed in major units and become minor units with the charge's own currency, never
 * through a float: the browser checks them with the charge it was shown, the server action again
 * with the charge as it is now, and lib/ once more under the charge's lock.
 */

// ---- The list's filters: a value that does not parse is dropped (see dashboard-sessions.ts).
const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);
const blankToUndefined = (v: unknown): unknown => (typeof v === 'string' && v.trim() === '' ? undefined : Array.isArray(v) ? v[0] : v);

export const paymentListFiltersSchema = z.object({
  status: z.preprocess(blankToUndefined, optional(z.enum(PAYMENT_FILTERS))),
  customer: z.preprocess(blankToUndefined, optional(z.string().regex(/^cus_[A-Za-z0-9_]{1,200}$/))),
  after: z.preprocess(blankToUndefined, optional(z.string().regex(/^ch_[A-Za-z0-9_]{1,200}$/))),
  before: z.preprocess(blankToUndefined, optional(z.string().regex(/^ch_[A-Za-z0-9_]{1,200}$/))),
});
export type PaymentListFilters = z.infer<typeof paymentListFiltersSchema>;

/** Filters from Next's searchParams; never throws. */
export function parsePaymentListFilters(searchParams: Record<string, string | string[] | undefined>): PaymentListFilters {
  const parsed = paymentListFiltersSchema.safeParse(searchParams);
  return parsed.success ? parsed.data : {};
}

// ---- Amounts
/** What a typed amount is, against the most it may be: minor units, or the message key of what is wrong. */
export function typedAmount(text: string, currency: string, most: number): { minor: number } | { error: string } {
  if (text.trim() === '') return { error: 'amount_required' };
  const minor = majorToMinor(text, currency);
  if (minor === null) return { error: 'amount_invalid' };
  if (minor <= 0) return { error: 'amount_zero' };
  if (minor > most) return { error: 'amount_over' };
  return { minor };
}

/** An amount field checked against the charge it is about (the browser's and the server action's second check). */
function amountForm<S extends z.ZodObject<{ amount: z.ZodString }>>(schema: S, charge: { currency: string; most: number }) {
  return schema.check((ctx) => {
    const found = typedAmount(ctx.value.amount, charge.currency, charge.most);
    if ('error' in found) ctx.issues.push({ code: 'custom', input: ctx.value.amount, path: ['amount'], message: found.error });
  });
}

// ---- Refund
export const REFUND_REASONS = ['requested_by_customer', 'duplicate', 'fraudulent'] as const;
/** The form's choice: one of Stripe's reasons, or "other", which sends none. */
export const REFUND_REASON_CHOICES = [...REFUND_REASONS, 'other'] as const;

export const refundFormSchema = z.object({
  amount: z.string().trim(),
  reason: z.enum(REFUND_REASON_CHOICES, 'reason_required'),
});
export type RefundFormInput = z.input<typeof refundFormSchema>;
export type RefundFormValues = z.output<typeof refundFormSchema>;

/** The refund form against its charge: at most what is left to refund (captured minus refunded). */
export const makeRefundFormSchema = (charge: { currency: string; refundable: number }) =>
  amountForm(refundFormSchema, { currency: charge.currency, most: charge.refundable });

export const refundReason = (choice: RefundFormValues['reason']) => (choice === 'other' ? undefined : choice);

// ---- Capture and cancel of an authorization
export const captureFormSchema = z.object({ amount: z.string().trim() });
export type CaptureFormInput = z.input<typeof captureFormSchema>;
export type CaptureFormValues = z.output<typeof captureFormSchema>;

/** At most the authorized amount; less captures part of it and releases the rest. */
export const makeCaptureFormSchema = (charge: { currency: string; capturable: number }) =>
  amountForm(captureFormSchema, { currency: charge.currency, most: charge.capturable });

export const CANCELLATION_REASONS = ['requested_by_customer', 'duplicate', 'fraudulent', 'abandoned'] as const;
export const cancelPaymentFormSchema = z.object({ reason: z.enum(['', ...CANCELLATION_REASONS]) });
export type CancelPaymentFormInput = z.input<typeof cancelPaymentFormSchema>;

// ---- Dispute evidence (a few of Stripe's fields)
export const EVIDENCE_TEXT_FIELDS = [
  'product_description',
  'customer_name',
  'customer_email_address',
  'shipping_carrier',
  'shipping_tracking_number',
  'uncategorized_text',
] as const;
export const EVIDENCE_FILE_FIELDS = ['customer_communication', 'receipt', 'uncategorized_file'] as const;
export type EvidenceTextField = (typeof EVIDENCE_TEXT_FIELDS)[number];
export type EvidenceFileField = (typeof EVIDENCE_FILE_FIELDS)[number];

/** The long free-text fields; Stripe takes up to 20,000 characters in each (and 150,000 in all). */
export const LONG_EVIDENCE_FIELDS: readonly EvidenceTextField[] = ['product_description', 'uncategorized_text'];
const text = (max: number) => z.string().trim().max(max, 'evidence_too_long');
const fileId = z.union([z.literal(''), z.string().regex(/^file_[A-Za-z0-9_]{1,200}$/, 'file_invalid')]);

/** Each field may be left empty; a submission with none at all is refused as a whole (`evidenceParams` is then empty). */
export const disputeEvidenceFormSchema = z.object({
  product_description: text(20_000),
  customer_name: text(5_000),
  customer_email_address: z.union([z.literal(''), z.string().trim().max(254, 'email_invalid').pipe(z.email('email_invalid'))]),
  shipping_carrier: text(5_000),
  shipping_tracking_number: text(5_000),
  uncategorized_text: text(20_000),
  customer_communication: fileId,
  receipt: fileId,
  uncategorized_file: fileId,
});
export type DisputeEvidenceFormInput = z.input<typeof disputeEvidenceFormSchema>;
export type DisputeEvidenceFormValues = z.output<typeof disputeEvidenceFormSchema>;

/** The evidence as Stripe's `evidence` parameter: only the fields the merchant filled in. */
export function evidenceParams(v: DisputeEvidenceFormValues): Record<string, string> {
  return Object.fromEntries(Object.entries(v).filter(([, value]) => value !== ''));
}

// ---- Evidence files: uploaded one per request as they are chosen, so each stays under Next's 1 MB server-action body.
export const EVIDENCE_FILE_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export const EVIDENCE_FILE_MAX_BYTES = 900 * 1024;

export const evidenceFileUploadSchema = z.object({
  file: z
    .instanceof(File, { error: 'file_empty' })
    .refine((f) => f.size > 0, 'file_empty')
    .refine((f) => f.size <= EVIDENCE_FILE_MAX_BYTES, 'file_too_large')
    .refine((f) => (EVIDENCE_FILE_TYPES as readonly string[]).includes(f.type), 'file_type'),
});
