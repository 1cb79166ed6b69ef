import { z } from 'zod';
import { isSupportedCurrency } from '@/lib/money/currencies';
import type { ErrorCode } from './errors';
import { hashFromForm } from './form-body';
import { isHttpUrlTemplate } from '@/lib/util/http-url';

/**
 * Zod building blocks for Stripe-style parameters. Form bodies carry every
 * value as a string, JSON bodies carry real types: each block accepts both.
 */

export const str = (max = 5000) => z.string({ error: 'Invalid string' }).max(max, `Must be at most ${max} characters`);

export const nonEmptyStr = (max = 5000) => str(max).min(1, 'Must not be empty');

/** What a refused value looked like, for the message: a hash or list is not spelled out. */
const shown = (v: unknown) => (v !== null && typeof v === 'object' ? (Array.isArray(v) ? 'an array' : 'a hash') : String(v));

/** A refused value; `code` is the Stripe error code its issue carries to parseParams. */
function refuse(ctx: z.RefinementCtx, message: string, code?: ErrorCode): never {
  ctx.addIssue({ code: 'custom', message, ...(code && { params: { code } }) });
  return z.NEVER;
}

export const int = (opts: { min?: number; max?: number } = {}) => {
  const { min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER } = opts;
  return z.unknown().transform((v, ctx) => {
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^-?\d+$/.test(v.trim()) ? Number(v.trim()) : NaN;
    if (!Number.isSafeInteger(n)) return refuse(ctx, `Invalid integer: ${shown(v)}`, 'parameter_invalid_integer');
    if (n < min) return refuse(ctx, `This value must be greater than or equal to ${min}.`);
    if (n > max) return refuse(ctx, `This value must be less than or equal to ${max}.`);
    return n;
  });
};

/** A decimal string such as "12.5" (Stripe's *_decimal and percentages). */
export const decimal = (opts: { min?: number; max?: number; maxDecimals?: number } = {}) =>
  z.unknown().transform((v, ctx) => {
    const s = typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim() : '';
    const m = /^(\d+)(?:\.(\d+))?$/.exec(s);
    if (!m || (opts.maxDecimals !== undefined && (m.at(2)?.length ?? 0) > opts.maxDecimals))
      return refuse(ctx, `Invalid decimal: ${shown(v)}`);
    const n = Number(s);
    if ((opts.min !== undefined && n < opts.min) || (opts.max !== undefined && n > opts.max))
      return refuse(ctx, `This value must be between ${opts.min ?? 0} and ${opts.max}.`);
    // Canonical form: no trailing zeros after the point.
    return m[2] ? `${BigInt(m[1])}.${m[2]}`.replace(/\.?0+$/, '') : String(BigInt(m[1]));
  });

/** true/false in any case: Stripe's Python library sends `True` and `False`, which Stripe accepts. */
export const bool = () =>
  z.unknown().transform((v, ctx) => {
    if (typeof v === 'boolean') return v;
    const s = typeof v === 'string' ? v.toLowerCase() : null;
    if (s === 'true' || s === 'false') return s === 'true';
    return refuse(ctx, `Invalid boolean: ${shown(v)}`);
  });

export const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: (iss) => `Invalid value: ${String(iss.input)}. Must be one of ${values.join(', ')}.` });

export const currency = () =>
  z
    .string({ error: 'Invalid currency' })
    .transform((v) => v.toLowerCase())
    .refine(isSupportedCurrency, { error: 'Invalid currency: must be a supported three-letter ISO currency code in lowercase.' });

/** An absolute http(s) URL, nothing a URL may not hold (CR/LF…): else Stripe's `url_invalid`. */
export const url = () =>
  str(5000).refine(isHttpUrlTemplate, { error: 'Not a valid URL', params: { code: 'url_invalid' satisfies ErrorCode } });

export const email = (max = 800) =>
  str(max).refine((v) => /^[^\s@]+@[^\s@]+$/.test(v), {
    error: 'Invalid email address',
    params: { code: 'email_invalid' satisfies ErrorCode },
  });

/** A Stripe parameter Caisse does not implement: refused by name with the message (Stripe's code for a parameter it does not take). */
export const unsupported = (message: string) =>
  z
    .unknown()
    .refine(() => false, { error: message, params: { code: 'parameter_unknown' satisfies ErrorCode } })
    .optional();

/** A Connect parameter (transfer_data, application_fee_amount…): Caisse has no connected accounts. */
export const connectOnly = (name: string) => unsupported(`${name} is not supported: Caisse has no connected accounts`);

/** statement_descriptor and its suffix: Caisse prints none. */
export const noStatementDescriptor = (name: string) => unsupported(`${name} is not supported: Caisse prints no statement descriptors`);

/** `key=` (an empty string) unsets a field on update and means "not given" on create. */
export const unsettable = <T extends z.ZodType>(schema: T) => z.union([z.literal('').transform(() => null), schema]);

/**
 * A free-form hash whose keys are the caller's (metadata, currency_options). `__proto__` and
 * `constructor` are ordinary keys, as with Stripe: zod's record() drops `__proto__`, so the result is
 * built with Object.fromEntries, which defines own properties and never touches a prototype.
 */
export const hash = <V extends z.ZodType>(value: V, keyProblems: (keys: string[]) => { key?: string; message: string }[] = () => []) =>
  z.unknown().transform((given, ctx) => {
    const input = hashFromForm(given);
    if (input === null || typeof input !== 'object' || Array.isArray(input)) {
      ctx.addIssue({ code: 'invalid_type', expected: 'record', input });
      return z.NEVER;
    }
    const entries: [string, z.output<V>][] = [];
    for (const [k, v] of Object.entries(input)) {
      const parsed = value.safeParse(v);
      if (parsed.success) entries.push([k, parsed.data]);
      else for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, path: [k, ...issue.path] });
    }
    for (const p of keyProblems(Object.keys(input)))
      ctx.addIssue({ code: 'custom', input, message: p.message, path: p.key === undefined ? [] : [p.key] });
    return Object.fromEntries(entries);
  });

const metadataValue = z.union([z.literal(''), str(500)]).or(z.number().transform(String));

/** ≤ 50 keys, key ≤ 40 chars, value ≤ 500 chars; `metadata[k]=` unsets one key, `metadata=` all. */
export const metadata = () =>
  z.union([
    z.literal('').transform(() => null),
    hash(metadataValue, (keys) => [
      ...(keys.length > 50 ? [{ message: 'Metadata can have at most 50 keys.' }] : []),
      ...keys
        .filter((k) => k.length > 40 || k.length === 0)
        .map((key) => ({ key, message: 'Metadata keys must be 1 to 40 characters long.' })),
    ]),
  ]);

/** A list of object ids in which each may appear once (`tax_rates[0]=txr_a&tax_rates[1]=txr_a` is refused). */
export const distinctIds = (max?: number) =>
  (max === undefined ? z.array(str(255)) : z.array(str(255)).max(max)).superRefine((ids, ctx) => {
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i) ctx.addIssue({ code: 'custom', input: id, path: [i], message: `'${id}' is given more than once` });
    });
  });

export const expand = () => z.array(str(500)).max(100).optional();

export const timestamp = () => int({ min: 0, max: 253402300799 });

/** `created=123` or `created[gte]=123`, as Stripe's RangeQueryParam. */
export const rangeQuery = () =>
  z.union([
    timestamp(),
    z.strictObject({ gt: timestamp().optional(), gte: timestamp().optional(), lt: timestamp().optional(), lte: timestamp().optional() }),
  ]);

export const listParams = {
  limit: int({ min: 1, max: 100 }).optional(),
  starting_after: str(255).optional(),
  ending_before: str(255).optional(),
  expand: expand(),
};

/** Applies a metadata update to what is stored: "" keys are removed. Keys never reach a prototype. */
export function mergeMetadata(current: Record<string, string>, update: Record<string, string> | null | undefined): Record<string, string> {
  if (update === undefined) return current;
  if (update === null) return {};
  const next = new Map(Object.entries(current));
  for (const [k, v] of Object.entries(update)) {
    if (v === '') next.delete(k);
    else next.set(k, v);
  }
  return Object.fromEntries(next);
}

/** Metadata as given on create: empty values are simply not set. */
export function initialMetadata(given: Record<string, string> | null | undefined): Record<string, string> {
  return mergeMetadata({}, given);
}
