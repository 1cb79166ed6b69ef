import { z } from 'zod';
import { makeCardDetailsSchema } from '@/lib/payments/card-schema';
import { postalCodeRequired, postalCodeValid, STATE_REQUIRED } from '@/lib/checkout/address-formats';

/**
 * The hosted page's pay form, built from the session's settings. The browser
 * (react-hook-form) and the server action build it from the same config.
 * Messages are translation keys.
 */

export type CustomFieldConfig = {
  key: string;
  type: 'text' | 'numeric' | 'dropdown';
  optional: boolean;
  minLength: number | null;
  maxLength: number | null;
  options: string[] | null;
};

export type ConfirmConfig = {
  emailLocked: boolean;
  phone: boolean;
  shippingCountries: string[] | null;
  billingAddress: 'auto' | 'required';
  taxId: boolean;
  customFields: CustomFieldConfig[];
  terms: boolean;
  promotionsConsent: boolean;
};

/** A text field; a missing one reads as empty, so it gets its field's own message. */
const trimmed = (max: number) => z.preprocess((v) => v ?? '', z.string().trim().max(max, 'field.too_long'));
const optionalText = (max: number) => z.string().trim().max(max, 'field.too_long').optional().transform((v) => (v ? v : null));

function addressSchema(countries: string[] | null, full: boolean) {
  return z.preprocess(
    (v) => v ?? {},
    z
    .object({
      name: full ? trimmed(200).pipe(z.string().min(1, 'address.name.required')) : optionalText(200),
      line1: full ? trimmed(200).pipe(z.string().min(1, 'address.line1.required')) : optionalText(200),
      line2: optionalText(200),
      city: full ? trimmed(200).pipe(z.string().min(1, 'address.city.required')) : optionalText(200),
      state: optionalText(100),
      postal_code: optionalText(20),
      country: z.string({ error: 'address.country.required' }).regex(/^[A-Z]{2}$/, 'address.country.required'),
    })
    .superRefine((a, ctx) => {
      if (countries && !countries.includes(a.country)) ctx.addIssue({ code: 'custom', path: ['country'], message: 'address.country.not_allowed' });
      if (full && STATE_REQUIRED.has(a.country) && !a.state) ctx.addIssue({ code: 'custom', path: ['state'], message: 'address.state.required' });
      if (!a.postal_code) {
        if (postalCodeRequired(a.country)) ctx.addIssue({ code: 'custom', path: ['postal_code'], message: 'address.postal_code.required' });
      } else if (!postalCodeValid(a.country, a.postal_code)) {
        ctx.addIssue({ code: 'custom', path: ['postal_code'], message: 'address.postal_code.invalid' });
      }
    }),
  );
}

function customFieldSchema(f: CustomFieldConfig) {
  return z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      const value = v ?? '';
      if (!value) {
        if (!f.optional) ctx.addIssue({ code: 'custom', message: 'custom_field.required' });
        return null;
      }
      if (f.type === 'numeric' && !/^\d+$/.test(value)) ctx.addIssue({ code: 'custom', message: 'custom_field.numeric' });
      if (f.type === 'dropdown' && !f.options?.includes(value)) ctx.addIssue({ code: 'custom', message: 'custom_field.option' });
      if (f.minLength !== null && value.length < f.minLength) ctx.addIssue({ code: 'custom', message: 'custom_field.too_short' });
      if (f.maxLength !== null && value.length > f.maxLength) ctx.addIssue({ code: 'custom', message: 'custom_field.too_long' });
      return value;
    });
}

const checkbox = z
  .union([z.boolean(), z.literal('on'), z.literal('true'), z.literal('')])
  .optional()
  .transform((v) => v === true || v === 'on' || v === 'true');

export function makeConfirmSchema(config: ConfirmConfig, now: () => Date = () => new Date()) {
  return z.object({
    email: config.emailLocked ? z.string().optional() : trimmed(320).pipe(z.string().regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'email.invalid')),
    phone: config.phone ? trimmed(30).pipe(z.string().regex(/^\+?[0-9 ().-]{6,30}$/, 'phone.invalid')) : z.string().optional(),
    shipping: config.shippingCountries ? addressSchema(config.shippingCountries, true) : z.undefined().optional(),
    billing: addressSchema(null, config.billingAddress === 'required'),
    tax_id: config.taxId ? z.object({ value: optionalText(50) }).optional() : z.undefined().optional(),
    // Absent when the session has no custom fields: nothing registers the group then.
    custom_fields: z.preprocess((v) => v ?? {}, z.object(Object.fromEntries(config.customFields.map((f) => [f.key, customFieldSchema(f)])))),
    terms: config.terms ? checkbox.refine((v) => v, 'consent.terms.required') : checkbox,
    promotions: checkbox,
    // Missing card fields read as empty, so they get the card form's own messages.
    card: z.preprocess((v) => ({ number: '', expiry: '', cvc: '', name: '', ...(v && typeof v === 'object' ? v : {}) }), makeCardDetailsSchema(now)),
  });
}

export type ConfirmInput = z.input<ReturnType<typeof makeConfirmSchema>>;
export type ConfirmData = z.output<ReturnType<typeof makeConfirmSchema>>;
