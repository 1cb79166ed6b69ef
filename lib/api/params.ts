import { z } from 'zod';
import { isSupportedCurrency } from '@/lib/money/currencies';
import { isHttpUrlTemplate } from '@/lib/util/http-url';

/**
 * Zod building blocks for Stripe-style parameters. Form bodies carry every
 * value as a string, JSON bodies carry real types: each block accepts both.
 */

export const str = (max = 5000) => z.string({ error: 'Invalid string' }).max(max, `Must be at most ${max} characters`);

export const nonEmptyStr = (max = 5000) => str(max).min(1, 'Must not be empty');

export const int = (opts: { min?: number; max?: number } = {}) => {
  const { min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER } = opts;
  return z
    .union([z.number(), z.string()], { error: (iss) => `Invalid integer: ${String(iss.input)}` })
    .transform((v, ctx) => {
      const n = typeof v === 'number' ? v : /^-?\d+$/.test(v.trim()) ? Number(v.trim()) : NaN;
      if (!Number.isSafeInteger(n)) {
        ctx.addIssue({ code: 'custom', message: `Invalid integer: ${v}` });
        return z.NEVER;
      }
      if (n < min) {
        ctx.addIssue({ code: 'custom', message: `This value must be greater than or equal to ${min}.` });
        return z.NEVER;
      }
      if (n > max) {
        ctx.addIssue({ code: 'custom', message: `This value must be less than or equal to ${max}.` });
        return z.NEVER;
      }
      return n;
    });
};

/** A decimal string such as "12.5" (Stripe's *_decimal and percentages). */
export const decimal = (opts: { min?: number; max?: number; maxDecimals?: number } = {}) =>
  z.union([z.number(), z.string()], { error: (iss) => `Invalid decimal: ${String(iss.input)}` }).transform((v, ctx) => {
    const s = typeof v === 'number' ? String(v) : v.trim();
    const m = /^(\d+)(?:\.(\d+))?$/.exec(s);
    if (!m || (opts.maxDecimals !== undefined && (m[2]?.length ?? 0) > opts.maxDecimals)) {
      ctx.addIssue({ code: 'custom', message: `Invalid decimal: ${v}` });
      return z.NEVER;
    }
    const n = Number(s);
    if ((opts.min !== undefined && n < opts.min) || (opts.max !== undefined && n > opts.max)) {
      ctx.addIssue({ code: 'custom', message: `This value must be between ${opts.min ?? 0} and ${opts.max}.` });
      return z.NEVER;
    }
    // Canonical form: no trailing zeros after the point.
    return m[2] ? `${BigInt(m[1])}.${m[2]}`.replace(/\.?0+$/, '') : String(BigInt(m[1]));
  });

export const bool = () =>
  z.union([z.boolean(), z.enum(['true', 'false'])], { error: (iss) => `Invalid boolean: ${String(iss.input)}` }).transform((v) => v === true || v === 'true');

export const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: (iss) => `Invalid value: ${String(iss.input)}. Must be one of ${values.join(', ')}.` });

export const currency = () =>
  z
    .string({ error: 'Invalid currency' })
    .transform((v) => v.toLowerCase())
    .refine(isSupportedCurrency, { message: 'Invalid currency: must be a supported three-letter ISO currency code in lowercase.' });

/** An absolute http(s) URL, nothing a URL may not hold (CR/LF…): else Stripe's `url_invalid`. */
export const url = () => str(5000).refine(isHttpUrlTemplate, { message: 'Not a valid URL', params: { stripeCode: 'url_invalid' } });

/** A Stripe parameter Caisse does not implement: refused by name with the message. */
export const unsupported = (message: string) =>
  z
    .unknown()
    .refine(() => false, message)
    .optional();

/** `key=` (an empty string) unsets a field on update and means "not given" on create. */
export const unsettable = <T extends z.ZodType>(schema: T) => z.union([z.literal('').transform(() => null), schema]);

const metadataValue = z.union([z.literal(''), str(500)]);

/** ≤ 50 keys, key ≤ 40 chars, value ≤ 500 chars; `metadata[k]=` unsets one key, `metadata=` all. */
export const metadata = () =>
  z.union([
    z.literal('').transform(() => null),
    z
      .record(z.string(), metadataValue.or(z.number().transform(String)), { error: 'Invalid metadata: must be a hash of string keys and values.' })
      .check((ctx) => {
        const keys = Object.keys(ctx.value);
        if (keys.length > 50) ctx.issues.push({ code: 'custom', input: ctx.value, message: 'Metadata can have at most 50 keys.' });
        for (const k of keys)
          if (k.length > 40 || k.length === 0)
            ctx.issues.push({ code: 'custom', input: ctx.value, path: [k], message: 'Metadata keys must be 1 to 40 characters long.' });
      }),
  ]);

export const expand = () => z.array(str(500)).max(100).optional();

export const timestamp = () => int({ min: 0, max: 253402300799 });

/** `created=123` or `created[gte]=123`, as Stripe's RangeQueryParam. */
export const rangeQuery = () =>
  z.union([timestamp(), z.strictObject({ gt: timestamp().optional(), gte: timestamp().optional(), lt: timestamp().optional(), lte: timestamp().optional() })]);

export const listParams = {
  limit: int({ min: 1, max: 100 }).optional(),
  starting_after: str(255).optional(),
  ending_before: str(255).optional(),
  expand: expand(),
};

/** Applies a metadata update to what is stored: "" keys are removed. */
export function mergeMetadata(current: Record<string, string>, update: Record<string, string> | null | undefined): Record<string, string> {
  if (update === undefined) return current;
  if (update === null) return {};
  const next = { ...current };
  for (const [k, v] of Object.entries(update)) {
    if (v === '') delete next[k];
    else next[k] = v;
  }
  return next;
}

/** Metadata as given on create: empty values are simply not set. */
export function initialMetadata(given: Record<string, string> | null | undefined): Record<string, string> {
  return mergeMetadata({}, given);
}
