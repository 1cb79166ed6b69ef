import { z } from 'zod';
import { expand, nonEmptyStr, timestamp, unsupported } from '@/lib/api/params';
import { prorationBehavior, subscriptionItemChange } from './subscription-items';

const notPreviewed = (name: string) => unsupported(`${name} is not supported by Caisse's invoice previews`);

export const previewInvoiceSchema = z.strictObject({
  customer: nonEmptyStr(255).optional(),
  subscription: nonEmptyStr(255).optional(),
  subscription_details: z
    .strictObject({
      items: z.array(subscriptionItemChange).max(20).optional(),
      proration_behavior: prorationBehavior().optional(),
      proration_date: timestamp().optional(),
      billing_cycle_anchor: notPreviewed('subscription_details[billing_cycle_anchor]'),
      cancel_at: notPreviewed('subscription_details[cancel_at]'),
      cancel_at_period_end: notPreviewed('subscription_details[cancel_at_period_end]'),
      cancel_now: notPreviewed('subscription_details[cancel_now]'),
      default_tax_rates: notPreviewed('subscription_details[default_tax_rates]'),
      trial_end: notPreviewed('subscription_details[trial_end]'),
    })
    .optional(),
  automatic_tax: notPreviewed('automatic_tax'),
  discounts: notPreviewed('discounts'),
  invoice_items: notPreviewed('invoice_items'),
  schedule: notPreviewed('schedule'),
  schedule_details: notPreviewed('schedule_details'),
  expand: expand(),
});

export type PreviewInvoiceParams = z.infer<typeof previewInvoiceSchema>;
