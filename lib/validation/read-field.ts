import { z } from 'zod/mini';

/**
 * Building blocks for the pay forms' schemas, which run in the customer's browser as well as on the server: they are
 * written with `zod/mini`, whose functions tree-shake, so the page ships only the validators it uses.
 */

/** What reading a typed field gives: its value, or the translation key of what is wrong with it. */
export type Read<T> = { value: T } | { error: string };

/** A string field turned into its value by `read`, or refused with the translation key `read` names. */
export function readField<T>(read: (raw: string) => Read<T>) {
  return z.pipe(
    z.string(),
    z.transform((raw: string, payload) => {
      const r = read(raw);
      if ('value' in r) return r.value;
      payload.issues.push({ code: 'custom', message: r.error, input: raw });
      return z.NEVER;
    }),
  );
}

/** `schema` given what `fn` makes of the input first (zod's `preprocess`). */
export function preprocess<S extends z.core.$ZodType>(fn: (v: unknown) => unknown, schema: S): z.ZodMiniPipe<z.ZodMiniTransform, S> {
  return z.pipe<z.ZodMiniTransform, S>(z.transform(fn), schema);
}

/** A trimmed string of at least one and at most `max` characters, each limit with its own translation key. */
export const requiredName = (max: number, required: string, tooLong: string) =>
  z.string().check(z.trim(), z.minLength(1, required), z.maxLength(max, tooLong));
