import { z } from 'zod';
import { makeCardDetailsSchema } from '@/lib/payments/card-schema';
import { sepaDetailsSchema } from '@/lib/payments/sepa-schema';
import type { AddressRulesLookup } from '@/lib/addresses/address-field-rules';
import { taxIdSupported } from '@/lib/tax-ids/checkout-tax-id-types';

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

/** The payment methods the pay form can offer (the session's payment_method_types). */
export type PayMethod = 'card' | 'sepa_debit';

export type ConfirmConfig = {
  /** In the order the page offers them; the first is chosen when the form names none. None: the page takes no payment method. */
  methods: PayMethod[];
  emailLocked: boolean;
  phone: boolean;
  shippingCountries: string[] | null;
  billingAddress: 'auto' | 'required';
  /** tax_id_collection: null when off; `required` for `if_supported` (the business's name and tax ID wherever the page takes one). */
  taxId: { required: boolean } | null;
  customFields: CustomFieldConfig[];
  terms: boolean;
  promotionsConsent: boolean;
  /** The customer's saved cards the page offers (their ids), first and chosen by default. */
  savedCards: string[];
  /** Whether the page offers to save a new payment method for future purchases. */
  saveOffer: boolean;
  /** Whether the page offers to save the customer's details with Caisse Pass (a new card, paid now). */
  passOptIn: boolean;
};

const PHONE = /^\+?[0-9 ().-]{6,30}$/;

/** A text field; a missing one reads as empty, so it gets its field's own message. */
const trimmed = (max: number) => z.preprocess((v) => v ?? '', z.string().trim().max(max, 'field.too_long'));
/** An optional text field; null reads as empty (a prefilled field the country's form does not show keeps its null). */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'field.too_long')
    .nullish()
    .transform((v) => (v ? v : null));

/**
 * An address as its country writes it (lib/addresses): the fields the country has, those it requires, its postal
 * code's pattern and its state's codes (where the lookup knows them: on the server). A country the lookup does not
 * know asks for the street and city of a full address and nothing else.
 */
function addressSchema(countries: string[] | null, full: boolean, rules: AddressRulesLookup) {
  return z.preprocess(
    (v) => v ?? {},
    z
      .object({
        name: full ? trimmed(200).pipe(z.string().min(1, 'address.name.required')) : optionalText(200),
        line1: optionalText(200),
        line2: optionalText(200),
        city: optionalText(200),
        state: optionalText(100),
        postal_code: optionalText(20),
        country: z.string({ error: 'address.country.required' }).regex(/^[A-Z]{2}$/, 'address.country.required'),
      })
      .superRefine((a, ctx) => {
        if (countries && !countries.includes(a.country))
          ctx.addIssue({ code: 'custom', path: ['country'], message: 'address.country.not_allowed' });
        const r = rules(a.country);
        const required = (f: 'line1' | 'city' | 'state' | 'postal_code') =>
          r ? r.required.includes(f) && (full || f === 'postal_code') : full && (f === 'line1' || f === 'city');
        if (required('line1') && !a.line1) ctx.addIssue({ code: 'custom', path: ['line1'], message: 'address.line1.required' });
        if (required('city') && !a.city) ctx.addIssue({ code: 'custom', path: ['city'], message: 'address.city.required' });
        if (required('state') && !a.state) ctx.addIssue({ code: 'custom', path: ['state'], message: 'address.state.required' });
        else if (full && a.state && r?.states && !r.states.has(a.state.toUpperCase()))
          ctx.addIssue({ code: 'custom', path: ['state'], message: 'address.state.invalid' });
        if (!a.postal_code) {
          if (required('postal_code')) ctx.addIssue({ code: 'custom', path: ['postal_code'], message: 'address.postal_code.required' });
        } else if (r?.postalPattern && !r.postalPattern.test(a.postal_code)) {
          ctx.addIssue({ code: 'custom', path: ['postal_code'], message: postalCodeInvalid(a.country, r.postalExample) });
        }
      })
      .transform((a) => {
        const r = rules(a.country);
        const has = (f: 'city' | 'state' | 'postal_code') => !r || r.order.includes(f);
        // A field the country does not write is dropped, and a state named or coded any way becomes its code.
        const state = has('state') ? ((a.state && r?.states?.get(a.state.toUpperCase())) ?? a.state) : null;
        return { ...a, city: has('city') ? a.city : null, state, postal_code: has('postal_code') ? a.postal_code : null };
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

/**
 * Whether a tax ID passes its country's format and check digits. The server passes lib/tax-ids' check; the
 * browser passes none (the validators stay out of the page's JavaScript) and the server's answer shows the error.
 */
export type TaxIdCheck = (country: string, typed: string) => boolean;

/** "Billing address is same as shipping" (the box, on by default where shipping is asked): the billing address is the shipping one. */
function sameBillingAsShipping(config: ConfirmConfig, form: Record<string, unknown>): Record<string, unknown> {
  const same = form.billing_same === true || form.billing_same === 'true' || form.billing_same === 'on';
  return config.shippingCountries && same && form.shipping && typeof form.shipping === 'object'
    ? { ...form, billing: { ...form.shipping } }
    : form;
}

/** Without a lookup (tests, the dashboard's preview): no country is known, so only a full address's street and city are asked. */
const NO_RULES: AddressRulesLookup = () => null;

export function makeConfirmSchema(
  config: ConfirmConfig,
  now: () => Date = () => new Date(),
  checkTaxId?: TaxIdCheck,
  addressRules: AddressRulesLookup = NO_RULES,
) {
  const details = {
    email: config.emailLocked ? z.string().optional() : trimmed(320).pipe(z.string().regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'email.invalid')),
    phone: config.phone ? trimmed(30).pipe(z.string().regex(PHONE, 'phone.invalid')) : z.string().optional(),
    shipping: config.shippingCountries ? addressSchema(config.shippingCountries, true, addressRules) : z.undefined().optional(),
    billing: addressSchema(null, config.billingAddress === 'required', addressRules),
    tax_id: config.taxId
      ? z.preprocess((v) => v ?? {}, z.object({ business: checkbox, business_name: optionalText(200), value: optionalText(50) }))
      : z.undefined().optional(),
    // Absent when the session has no custom fields: nothing registers the group then.
    custom_fields: z.preprocess(
      (v) => v ?? {},
      z.object(Object.fromEntries(config.customFields.map((f) => [f.key, customFieldSchema(f)]))),
    ),
    terms: config.terms ? checkbox.refine((v) => v, 'consent.terms.required') : checkbox,
    promotions: checkbox,
    billing_same: checkbox,
    save_card: checkbox.transform((v) => v && config.saveOffer),
    pass_opt_in: checkbox.transform((v) => v && config.passOptIn),
    pass_phone: optionalText(30),
  };
  // Missing fields read as empty, so they get their form's own messages.
  const filled = (empty: Record<string, string>) => (v: unknown) => ({ ...empty, ...(v && typeof v === 'object' ? v : {}) });
  const branches = {
    card: z.object({
      ...details,
      method: z.literal('card'),
      card: z.preprocess(filled({ number: '', expiry: '', cvc: '', name: '' }), makeCardDetailsSchema(now)),
    }),
    sepa_debit: z.object({
      ...details,
      method: z.literal('sepa_debit'),
      sepa: z.preprocess(filled({ iban: '', name: '' }), sepaDetailsSchema),
    }),
  };
  // No new method to bill (a card-less trial, a saved card): a billing address only when the session requires one.
  const billingOnlyIfRequired =
    config.billingAddress === 'required'
      ? addressSchema(null, true, addressRules)
      : z
          .unknown()
          .optional()
          .transform(() => null);
  const none = z.object({ ...details, billing: billingOnlyIfRequired, method: z.literal('none') });
  // One of the customer's saved cards: nothing to type, the billing address comes with the card.
  const saved = z.object({
    ...details,
    billing: billingOnlyIfRequired,
    method: z.literal('saved'),
    saved_card: z.string({ error: 'saved_card.unavailable' }).refine((id) => config.savedCards.includes(id), 'saved_card.unavailable'),
  });
  // Only the chosen method's fields are checked: the other's inputs are on the page but unused.
  const offered = (['card', 'sepa_debit'] as const).filter((m) => config.methods.includes(m)).map((m) => branches[m]);
  const union = z.discriminatedUnion(
    'method',
    (offered.length ? [...offered, ...(config.savedCards.length ? [saved] : [])] : [none]) as [
      typeof branches.card,
      typeof branches.sepa_debit,
      typeof saved,
      typeof none,
    ],
    { error: 'method.invalid' },
  );
  // A saved card chosen (its radio, `saved_card`) is the method; sessions that only take cards post no
  // `method` (and neither did the form before there was a choice).
  return z
    .preprocess((v) => {
      if (!v || typeof v !== 'object') return v;
      const form = sameBillingAsShipping(config, v as Record<string, unknown>);
      if (typeof form.saved_card === 'string' && form.saved_card !== '') return { ...form, method: 'saved' };
      return form.method ? form : { ...form, method: config.methods.at(0) ?? 'none' };
    }, union)
    .superRefine((d, ctx) => {
      if (config.taxId && d.tax_id) {
        // Where the customer is: the shipping address when there is one, as on Stripe's page.
        const country = d.shipping?.country ?? d.billing?.country ?? null;
        const supported = taxIdSupported(country);
        const asBusiness = d.tax_id.business || (config.taxId.required && supported);
        if (asBusiness && !d.tax_id.business_name)
          ctx.addIssue({ code: 'custom', path: ['tax_id', 'business_name'], message: 'business_name.required' });
        if (asBusiness && !supported) ctx.addIssue({ code: 'custom', path: ['tax_id', 'value'], message: 'tax_id.unsupported_type' });
        else if (asBusiness && !d.tax_id.value) ctx.addIssue({ code: 'custom', path: ['tax_id', 'value'], message: 'tax_id.required' });
        else if (asBusiness && country && d.tax_id.value && checkTaxId && !checkTaxId(country, d.tax_id.value))
          ctx.addIssue({ code: 'custom', path: ['tax_id', 'value'], message: 'tax_id.invalid' });
      }
      // A Pass is made from a card typed now: its phone is asked only then.
      if (d.method === 'card' && d.pass_opt_in && !(d.pass_phone && PHONE.test(d.pass_phone)))
        ctx.addIssue({ code: 'custom', path: ['pass_phone'], message: 'phone.invalid' });
    });
}

export type ConfirmInput = z.input<ReturnType<typeof makeConfirmSchema>>;
export type ConfirmData = z.output<ReturnType<typeof makeConfirmSchema>>;

/**
 * A postal code the country does not write: the error names the country and shows one it does, as parameters of
 * the message key (`address.postal_code.invalid_example?country=GB&example=EC1Y 8SY`, read by messageOfErrorKey).
 */
function postalCodeInvalid(country: string, example: string | null): string {
  if (!example) return 'address.postal_code.invalid';
  return `address.postal_code.invalid_example?${new URLSearchParams({ country, example }).toString()}`;
}
