import { z } from 'zod';
import { isSupportedCurrency } from '@/lib/money/currencies';
import { majorToMinor } from '@/lib/money/major-units';
import { present } from '@/lib/util/present';
import type { CreatePriceParams } from './prices';
import type { CreateProductParams } from './products';

/**
 * The dashboard's product and price forms. Messages are keys of Dashboard.catalog.errors.
 * Each form maps onto the REST API's own parameters (lib/validation/products.ts, prices.ts),
 * which the server action checks again before calling lib/catalog.
 */

export const productFormSchema = z.object({
  name: z.string().trim().min(1, 'name_required').max(250, 'name_too_long'),
  description: z.string().trim().max(40000, 'description_too_long'),
  images: z.array(z.string()).max(8, 'too_many_images'),
});
export type ProductFormInput = z.input<typeof productFormSchema>;
export type ProductFormValues = z.output<typeof productFormSchema>;

export function createProductParams(v: ProductFormValues): CreateProductParams {
  return { name: v.name, ...(v.description && { description: v.description }), ...(v.images.length && { images: v.images }) };
}

/** On update an empty description (the API's `description=`) or image list clears what was there. */
export function updateProductParams(v: ProductFormValues) {
  return { name: v.name, description: v.description, images: v.images };
}

export const currencyField = () =>
  z
    .string()
    .trim()
    .toLowerCase()
    .refine((c) => /^[a-z]{3}$/.test(c) && isSupportedCurrency(c), 'currency_invalid');

export const PRICE_INTERVALS = ['day', 'week', 'month', 'year'] as const;

export const priceFormSchema = z
  .object({
    type: z.enum(['one_time', 'recurring']),
    currency: currencyField(),
    amount: z.string().trim().min(1, 'amount_required'),
    interval: z.enum(PRICE_INTERVALS),
    intervalCount: z.string().trim(),
    nickname: z.string().trim().max(5000, 'nickname_too_long'),
  })
  .check((ctx) => {
    const v = ctx.value;
    if (v.amount && isSupportedCurrency(v.currency) && majorToMinor(v.amount, v.currency) === null)
      ctx.issues.push({ code: 'custom', input: v.amount, path: ['amount'], message: 'amount_invalid' });
    if (v.type === 'recurring' && !/^([1-9]\d{0,2})$/.test(v.intervalCount))
      ctx.issues.push({ code: 'custom', input: v.intervalCount, path: ['intervalCount'], message: 'interval_count_invalid' });
  });
export type PriceFormInput = z.input<typeof priceFormSchema>;
export type PriceFormValues = z.output<typeof priceFormSchema>;

/** The amount typed in major units becomes Stripe's integer minor units here, once. */
export function createPriceParams(productId: string, v: PriceFormValues): CreatePriceParams {
  return {
    product: productId,
    currency: v.currency,
    unit_amount: present(majorToMinor(v.amount, v.currency), 'the amount, which the form checked'),
    ...(v.type === 'recurring' && { recurring: { interval: v.interval, interval_count: Number(v.intervalCount) } }),
    ...(v.nickname && { nickname: v.nickname }),
  };
}
