import { z } from 'zod';
import { isSupportedCurrency } from '@/lib/money/currencies';
import { majorToMinor } from '@/lib/money/major-units';
import { present } from '@/lib/util/present';
import { COUNTRY_CODES } from './countries';
import { currencyField } from './dashboard-products';
import { DELIVERY_UNITS, type CreateShippingRateParams } from './shipping-rates';
import type { CreateTaxRateParams } from './tax-rates';

/** The dashboard's shipping rate and tax rate forms; messages are keys of Dashboard.catalog.errors. */

const optionalEstimate = z
  .string()
  .trim()
  .refine((s) => s === '' || /^[1-9]\d{0,5}$/.test(s), 'estimate_invalid');

export const shippingRateFormSchema = z
  .object({
    displayName: z.string().trim().min(1, 'display_name_required').max(100, 'display_name_too_long'),
    amount: z.string().trim().min(1, 'amount_required'),
    currency: currencyField(),
    minValue: optionalEstimate,
    minUnit: z.enum(DELIVERY_UNITS),
    maxValue: optionalEstimate,
    maxUnit: z.enum(DELIVERY_UNITS),
  })
  .check((ctx) => {
    const v = ctx.value;
    if (v.amount && isSupportedCurrency(v.currency) && majorToMinor(v.amount, v.currency) === null)
      ctx.issues.push({ code: 'custom', input: v.amount, path: ['amount'], message: 'amount_invalid' });
  });
export type ShippingRateFormInput = z.input<typeof shippingRateFormSchema>;
export type ShippingRateFormValues = z.output<typeof shippingRateFormSchema>;

export function createShippingRateParams(v: ShippingRateFormValues): CreateShippingRateParams {
  const estimate = {
    ...(v.minValue && { minimum: { unit: v.minUnit, value: Number(v.minValue) } }),
    ...(v.maxValue && { maximum: { unit: v.maxUnit, value: Number(v.maxValue) } }),
  };
  return {
    display_name: v.displayName,
    type: 'fixed_amount',
    fixed_amount: { amount: present(majorToMinor(v.amount, v.currency), 'the amount, which the form checked'), currency: v.currency },
    ...(Object.keys(estimate).length && { delivery_estimate: estimate }),
  };
}

export const taxRateFormSchema = z.object({
  displayName: z.string().trim().min(1, 'display_name_required').max(50, 'display_name_too_long'),
  percentage: z
    .string()
    .trim()
    .refine((s) => /^\d{1,3}([.,]\d{1,4})?$/.test(s) && Number(s.replace(',', '.')) <= 100, 'percentage_invalid'),
  inclusive: z.boolean(),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .refine((s) => s === '' || COUNTRY_CODES.has(s), 'country_invalid'),
  jurisdiction: z.string().trim().max(50, 'jurisdiction_too_long'),
});
export type TaxRateFormInput = z.input<typeof taxRateFormSchema>;
export type TaxRateFormValues = z.output<typeof taxRateFormSchema>;

export function createTaxRateParams(v: TaxRateFormValues): CreateTaxRateParams {
  return {
    display_name: v.displayName,
    percentage: v.percentage.replace(',', '.'),
    inclusive: v.inclusive,
    ...(v.country && { country: v.country }),
    ...(v.jurisdiction && { jurisdiction: v.jurisdiction }),
  };
}
