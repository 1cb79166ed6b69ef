import { z } from 'zod';

/**
 * An account's retry schedule for failed subscription payments (accounts.billing_retry_settings,
 * lib/billing/retry-settings.ts) and the settings form that edits it. Messages are keys of
 * Dashboard.settings.errors.
 */

/** Stripe retries up to 4 times, within two months at most. */
export const RETRY_MAX_COUNT = 4;
export const RETRY_MAX_DAY = 60;
export const AFTER_RETRIES = ['cancel', 'unpaid', 'past_due'] as const;

/** The stored shape (accounts.billing_retry_settings), checked once more by lib/billing before it is kept. */
export const billingRetrySettingsSchema = z.object({
  retryDays: z
    .array(z.number().int('retry_days_invalid'))
    .min(1, 'retry_days_required')
    .max(RETRY_MAX_COUNT, 'retry_days_count')
    // On the list, not its elements: the form has one field for all the days.
    .refine((days) => days.every((d) => d >= 1 && d <= RETRY_MAX_DAY), 'retry_days_range')
    .refine((days) => days.every((d, i) => i === 0 || d > days[i - 1]), 'retry_days_order'),
  afterRetries: z.enum(AFTER_RETRIES, 'after_retries_invalid'),
});

/** "3, 5, 7" (commas or spaces) as whole numbers, or the message key of what is wrong with the text. */
function retryDaysFromText(text: string): number[] | string {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  if (parts.length === 0) return 'retry_days_required';
  if (!parts.every((p) => /^\d{1,3}$/.test(p))) return 'retry_days_invalid';
  return parts.map(Number);
}

/** The settings form: the days typed as a list ("3, 5, 7"), then the stored shape's rules, each on its field. */
export const retrySettingsFormSchema = z.object({
  retryDays: z
    .string()
    .trim()
    .transform((text, ctx) => {
      const days = retryDaysFromText(text);
      if (typeof days === 'string') {
        ctx.issues.push({ code: 'custom', input: text, message: days });
        return z.NEVER;
      }
      return days;
    })
    .pipe(billingRetrySettingsSchema.shape.retryDays),
  afterRetries: billingRetrySettingsSchema.shape.afterRetries,
});
export type RetrySettingsFormInput = z.input<typeof retrySettingsFormSchema>;
export type RetrySettingsFormValues = z.output<typeof retrySettingsFormSchema>;
