import { z } from 'zod/mini';
import { preprocess } from './read-field';
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
const trimmed = (max: number) => preprocess((v) => v ?? '', z.string().check(z.trim(), z.maxLength(max, 'field.too_long')));
/** An optional text field; null reads as empty (a prefilled field the country's form does not show keeps its null). */
const optionalText = (max: number) =>
  z.pipe(
    z.nullish(z.string().check(z.trim(), z.maxLength(max, 'field.too_long'))),
    z.transform((v) => (v ? v : null)),
  );

/**
 * An address as its country writes it (lib/addresses): the fields the country has, those it requires, its postal
 * code's pattern and its state's codes (where the lookup knows them: on the server). A country the lookup does not
 * know asks for the street and city of a full address and nothing else.
 */
function addressSchema(countries: string[] | null, full: boolean, rules: AddressRulesLookup) {
  const fields = z.object({
    name: full ? z.pipe(trimmed(200), z.string().check(z.minLength(1, 'address.name.required'))) : optionalText(200),
    line1: optionalText(200),
    line2: optionalText(200),
    city: optionalText(200),
    state: optionalText(100),
    postal_code: optionalText(20),
    country: z.string({ error: 'address.country.required' }).check(z.regex(/^[A-Z]{2}$/, 'address.country.required')),
  });
  const checked = fields.check(
    z.superRefine((a, ctx) => {
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
    }),
  );
  const written = z.transform((a: z.output<typeof fields>) => {
    const r = rules(a.country);
    const has = (f: 'city' | 'state' | 'postal_code') => !r || r.order.includes(f);
    // A field the country does not write is dropped, and a state named or coded any way becomes its code.
    const state = has('state') ? ((a.state && r?.states?.get(a.state.toUpperCase())) ?? a.state) : null;
    return { ...a, city: has('city') ? a.city : null, state, postal_code: has('postal_code') ? a.postal_code : null };
  });
  return preprocess((v) => v ?? {}, z.pipe(checked, written));
}

/** What is wrong with a custom field's answer (translation keys, the first shown), none when it is fine. */
function customFieldProblems(f: CustomFieldConfig, value: string): string[] {
  if (!value) return f.optional ? [] : ['custom_field.required'];
  const problems: string[] = [];
  if (f.type === 'numeric' && !/^\d+$/.test(value)) problems.push('custom_field.numeric');
  if (f.type === 'dropdown' && !f.options?.includes(value)) problems.push('custom_field.option');
  if (f.minLength !== null && value.length < f.minLength) problems.push('custom_field.too_short');
  if (f.maxLength !== null && value.length > f.maxLength) problems.push('custom_field.too_long');
  return problems;
}

function customFieldSchema(f: CustomFieldConfig) {
  return z.pipe(
    z.optional(z.string().check(z.trim())),
    z.transform((v: string | undefined, payload) => {
      const value = v ?? '';
      for (const message of customFieldProblems(f, value)) payload.issues.push({ code: 'custom', message, input: v });
      return value || null;
    }),
  );
}

const checkbox = z.pipe(
  z.optional(z.union([z.boolean(), z.literal('on'), z.literal('true'), z.literal('')])),
  z.transform((v) => v === true || v === 'on' || v === 'true'),
);
const checkboxAnd = (also: boolean) =>
  z.pipe(
    checkbox,
    z.transform((v: boolean) => v && also),
  );

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
    email: config.emailLocked
      ? z.optional(z.string())
      : z.pipe(trimmed(320), z.string().check(z.regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'email.invalid'))),
    phone: config.phone ? z.pipe(trimmed(30), z.string().check(z.regex(PHONE, 'phone.invalid'))) : z.optional(z.string()),
    shipping: config.shippingCountries ? addressSchema(config.shippingCountries, true, addressRules) : z.optional(z.undefined()),
    billing: addressSchema(null, config.billingAddress === 'required', addressRules),
    tax_id: config.taxId
      ? preprocess((v) => v ?? {}, z.object({ business: checkbox, business_name: optionalText(200), value: optionalText(50) }))
      : z.optional(z.undefined()),
    // Absent when the session has no custom fields: nothing registers the group then.
    custom_fields: preprocess((v) => v ?? {}, z.object(Object.fromEntries(config.customFields.map((f) => [f.key, customFieldSchema(f)])))),
    terms: config.terms ? checkbox.check(z.refine((v) => v, 'consent.terms.required')) : checkbox,
    promotions: checkbox,
    billing_same: checkbox,
    save_card: checkboxAnd(config.saveOffer),
    pass_opt_in: checkboxAnd(config.passOptIn),
    pass_phone: optionalText(30),
  };
  // Missing fields read as empty, so they get their form's own messages.
  const filled = (empty: Record<string, string>) => (v: unknown) => ({ ...empty, ...(v && typeof v === 'object' ? v : {}) });
  const branches = {
    card: z.object({
      ...details,
      method: z.literal('card'),
      card: preprocess(filled({ number: '', expiry: '', cvc: '', name: '' }), makeCardDetailsSchema(now)),
    }),
    sepa_debit: z.object({
      ...details,
      method: z.literal('sepa_debit'),
      sepa: preprocess(filled({ iban: '', name: '' }), sepaDetailsSchema),
    }),
  };
  // No new method to bill (a card-less trial, a saved card): a billing address only when the session requires one.
  const billingOnlyIfRequired =
    config.billingAddress === 'required'
      ? addressSchema(null, true, addressRules)
      : z.pipe(
          z.optional(z.unknown()),
          z.transform(() => null),
        );
  const none = z.object({ ...details, billing: billingOnlyIfRequired, method: z.literal('none') });
  // One of the customer's saved cards: nothing to type, the billing address comes with the card.
  const saved = z.object({
    ...details,
    billing: billingOnlyIfRequired,
    method: z.literal('saved'),
    saved_card: z
      .string({ error: 'saved_card.unavailable' })
      .check(z.refine((id) => config.savedCards.includes(id), 'saved_card.unavailable')),
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
  const chosen = preprocess((v) => {
    if (!v || typeof v !== 'object') return v;
    const form = sameBillingAsShipping(config, v as Record<string, unknown>);
    if (typeof form.saved_card === 'string' && form.saved_card !== '') return { ...form, method: 'saved' };
    return form.method ? form : { ...form, method: config.methods.at(0) ?? 'none' };
  }, union);
  return chosen.check(
    z.superRefine((d, ctx) => {
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
    }),
  );
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
