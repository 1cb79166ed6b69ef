import { z } from 'zod';
import { invalidRequest } from '@/lib/api/errors';
import { expand, listParams, oneOf, str, timestamp, unsettable, unsupported } from '@/lib/api/params';
import { parseParams } from '@/lib/api/parse-params';
import { CA_PROVINCIAL_TAX, EU_COUNTRIES } from '@/lib/tax/jurisdictions';
import { countryCode } from './countries';

/** `now` or a unix timestamp (active_from, expires_at). */
export const nowOrTimestamp = () =>
  z.unknown().transform((v, ctx): 'now' | number => {
    if (v === 'now') return 'now';
    const parsed = timestamp().safeParse(v);
    if (parsed.success) return parsed.data;
    const shown = typeof v === 'object' && v !== null ? 'a hash' : String(v);
    ctx.addIssue({ code: 'custom', message: `Invalid value ${shown}: must be 'now' or a timestamp in seconds since the Unix epoch` });
    return z.NEVER;
  });

export const createTaxRegistrationSchema = z.strictObject({
  active_from: nowOrTimestamp(),
  country: countryCode(),
  // Checked against the country by parseCountryOptions: which keys a country takes depends on the country.
  country_options: z.looseObject({}),
  expires_at: nowOrTimestamp().optional(),
  expand: expand(),
});

export const updateTaxRegistrationSchema = z.strictObject({
  active_from: nowOrTimestamp().optional(),
  // `expires_at=` clears it: the registration is active indefinitely again.
  expires_at: unsettable(nowOrTimestamp()).optional(),
  expand: expand(),
});

export const listTaxRegistrationsSchema = z.strictObject({
  ...listParams,
  status: oneOf(['active', 'all', 'expired', 'scheduled']).optional(),
});

export type CreateTaxRegistrationParams = z.infer<typeof createTaxRegistrationSchema>;
export type UpdateTaxRegistrationParams = z.infer<typeof updateTaxRegistrationSchema>;
export type ListTaxRegistrationsParams = z.infer<typeof listTaxRegistrationsSchema>;

/** A registration's country option as the API shows it, and what the overlap check and the tax engine read from it. */
export type ParsedCountryOption = {
  option: { type: string } & Record<string, unknown>;
  type: string;
  /** The US state (`state_sales_tax`) or Canadian province (`province_standard`); else null. */
  state: string | null;
};

export const US_STATES: ReadonlySet<string> = new Set(
  (
    'AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT ' +
    'VT VA WA WV WI WY'
  ).split(' '),
);

/** The provinces with a sales tax of their own (PST, RST, QST); GST/HST is the federal `standard` registration. */
const CA_PROVINCES_WITH_OWN_TAX: ReadonlySet<string> = new Set(Object.keys(CA_PROVINCIAL_TAX));

/** Every US registration type Stripe knows; Caisse's tax engine computes state sales tax only. */
const US_TYPES = [
  'admissions_tax',
  'attendance_tax',
  'digital_excise_tax',
  'entertainment_tax',
  'gross_receipts_tax',
  'hospitality_tax',
  'local_amusement_tax',
  'local_lease_tax',
  'luxury_tax',
  'mass_transit_parking_tax',
  'parking_tax',
  'resort_tax',
  'state_communications_tax',
  'state_retail_delivery_fee',
  'state_sales_tax',
  'tourism_tax',
  'utility_users_tax',
];

/** Stripe's per-type US option hashes: they belong to types Caisse refuses. */
const US_TYPE_HASHES = [
  'admissions_tax',
  'attendance_tax',
  'entertainment_tax',
  'gross_receipts_tax',
  'hospitality_tax',
  'local_amusement_tax',
  'local_lease_tax',
  'luxury_tax',
  'mass_transit_parking_tax',
  'parking_tax',
  'resort_tax',
  'tourism_tax',
  'utility_users_tax',
] as const;

function onlyWithType(ctx: z.RefinementCtx, key: string, type: string): void {
  ctx.addIssue({ code: 'custom', path: [key], message: `${key} can only be given with type ${type}` });
}

/** An EU member state: a domestic (`standard`) registration or one of the EU's one-stop shops. */
const euOptions = z
  .strictObject({
    type: oneOf(['ioss', 'oss_non_union', 'oss_union', 'standard']),
    standard: z.strictObject({ place_of_supply_scheme: oneOf(['inbound_goods', 'small_seller', 'standard']) }).optional(),
  })
  .superRefine((o, ctx) => {
    if (o.standard && o.type !== 'standard') onlyWithType(ctx, 'standard', 'standard');
  })
  .transform((o): ParsedCountryOption => ({
    option:
      o.type === 'standard'
        ? { standard: { place_of_supply_scheme: o.standard?.place_of_supply_scheme ?? 'standard' }, type: o.type }
        : { type: o.type },
    type: o.type,
    state: null,
  }));

/** A `standard` registration with Stripe's `standard.place_of_supply_scheme` (GB, CH, NO, AU, NZ, SG, JP); `shown`: whether the object has it (IS takes it, never shows it). */
const standardOptions = (shown: boolean) =>
  z
    .strictObject({
      type: oneOf(['standard']),
      standard: z.strictObject({ place_of_supply_scheme: oneOf(['inbound_goods', 'standard']).optional() }).optional(),
    })
    .transform((o): ParsedCountryOption => ({
      option: shown
        ? { standard: { place_of_supply_scheme: o.standard?.place_of_supply_scheme ?? 'standard' }, type: o.type }
        : { type: o.type },
      type: o.type,
      state: null,
    }));

/** India: Stripe offers only the simplified (non-resident) registration. */
const inOptions = z
  .strictObject({ type: oneOf(['simplified']) })
  .transform((o): ParsedCountryOption => ({ option: { type: o.type }, type: o.type, state: null }));

const caOptions = z
  .strictObject({
    type: oneOf(['province_standard', 'simplified', 'standard']),
    province_standard: z
      .strictObject({
        province: z
          .string({ error: 'Invalid province' })
          .transform((v) => v.toUpperCase())
          .refine((v) => CA_PROVINCES_WITH_OWN_TAX.has(v), {
            error:
              'Invalid province: a province_standard registration is for BC, MB, QC or SK (the provinces with a sales tax of their own); GST/HST is a standard registration',
          }),
      })
      .optional(),
  })
  .superRefine((o, ctx) => {
    if (o.type === 'province_standard' && !o.province_standard)
      ctx.addIssue({ code: 'custom', path: ['province_standard'], message: 'province_standard is required with type province_standard' });
    if (o.type !== 'province_standard' && o.province_standard) onlyWithType(ctx, 'province_standard', 'province_standard');
  })
  .transform((o): ParsedCountryOption =>
    o.type === 'province_standard' && o.province_standard
      ? {
          option: { province_standard: { province: o.province_standard.province }, type: o.type },
          type: o.type,
          state: o.province_standard.province,
        }
      : { option: { type: o.type }, type: o.type, state: null },
  );

const usOptions = z
  .strictObject({
    type: z.string({ error: 'Invalid type' }).superRefine((t, ctx) => {
      if (t === 'state_sales_tax') return;
      ctx.addIssue({
        code: 'custom',
        message: US_TYPES.includes(t)
          ? `US registrations of type ${t} are not supported: Caisse collects state sales tax only (type state_sales_tax)`
          : `Invalid value: ${t}. Must be state_sales_tax (the only US registration type Caisse supports).`,
      });
    }),
    state: z
      .string({ error: 'Invalid state' })
      .transform((v) => v.toUpperCase())
      .refine((v) => US_STATES.has(v), { error: 'Invalid state: must be a two-letter US state code such as CA or NY' }),
    state_sales_tax: z
      .strictObject({
        elections: z
          .array(
            z.strictObject({
              jurisdiction: str(5000).optional(),
              type: oneOf(['local_use_tax', 'simplified_sellers_use_tax', 'single_local_use_tax']),
            }),
          )
          .max(20),
      })
      .optional(),
    ...Object.fromEntries(
      US_TYPE_HASHES.map((k) => [k, unsupported(`${k} belongs to US registrations of type ${k}, which Caisse does not support`)]),
    ),
  })
  .transform((o): ParsedCountryOption => ({
    option: {
      state: o.state,
      ...(o.state_sales_tax && {
        state_sales_tax: {
          elections: o.state_sales_tax.elections.map((e) => ({
            ...(e.jurisdiction !== undefined && { jurisdiction: e.jurisdiction }),
            type: e.type,
          })),
        },
      }),
      type: o.type,
    },
    type: o.type,
    state: o.state,
  }));

type OptionSchema = z.ZodType<ParsedCountryOption>;

/** The countries Caisse takes registrations in, by ISO code, each with its country_options schema. */
export const REGISTRATION_COUNTRIES: ReadonlyMap<string, OptionSchema> = new Map<string, OptionSchema>([
  ...[...EU_COUNTRIES].map((c): [string, OptionSchema] => [c, euOptions]),
  ...['AU', 'CH', 'GB', 'JP', 'NO', 'NZ', 'SG'].map((c): [string, OptionSchema] => [c, standardOptions(true)]),
  ['IS', standardOptions(false)],
  ['IN', inOptions],
  ['CA', caOptions],
  ['US', usOptions],
]);

/**
 * Checks `country_options` against the registration's country: it must hold exactly the country's own
 * key (`{ de: { type: 'oss_union' } }` for DE), shaped as Stripe's options for that country.
 * Throws the API's error naming the parameter.
 */
export function parseCountryOptions(country: string, given: Record<string, unknown>): ParsedCountryOption {
  const schema = REGISTRATION_COUNTRIES.get(country);
  if (!schema)
    throw invalidRequest(
      `Caisse does not support tax registrations in ${country}. Supported: the 27 EU member states, GB, CH, NO, IS, AU, NZ, SG, JP, IN, CA and US.`,
      'country',
    );
  const key = country.toLowerCase();
  for (const other of Object.keys(given))
    if (other !== key)
      throw invalidRequest(
        `country_options[${other}] does not match country ${country}: give the options for ${country} as country_options[${key}].`,
        `country_options[${other}]`,
      );
  const parsed = parseParams(z.strictObject({ country_options: z.strictObject({ [key]: schema }) }), { country_options: given });
  return parsed.country_options[key];
}
