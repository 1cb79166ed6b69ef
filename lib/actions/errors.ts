import type { z } from 'zod';
import { ApiError } from '@/lib/api/errors';
import { EndpointLimitError } from '@/lib/events/webhook-endpoints';
import type { ActionFailure } from './result';

/**
 * A known refusal, thrown from an action's body: `code` is a message key of the action's
 * namespace (or of `ActionErrors`), `fields` maps field paths to message keys.
 */
export class ActionError extends Error {
  readonly code: string;
  readonly fields: Record<string, string> | undefined;

  constructor(code: string, fields?: Record<string, string>) {
    super(code);
    this.name = 'ActionError';
    this.code = code;
    this.fields = fields;
  }
}

/**
 * A failure before it is put into words: codes only. `says` is a more precise message than the
 * code's own (which object is missing), said instead when the action's namespace or the shared
 * one has it.
 */
export type FailureCodes = { code: string; fields?: Record<string, string>; says?: { key: string; values: Record<string, string> } };

/** The objects a dashboard form can name; any other kind reads as "object". */
const KINDS: Record<string, string> = {
  product: 'product',
  price: 'price',
  coupon: 'coupon',
  promotion_code: 'promotion_code',
  'tax rate': 'tax_rate',
  'active tax rate': 'tax_rate',
  'shipping rate': 'shipping_rate',
  customer: 'customer',
};

/**
 * Which object an API not-found names: lib/ builds these messages (noSuchObject and its
 * kin) as "No such <kind>: '<id>'", Stripe's own words, which the REST API must keep.
 */
function missingObject(message: string): { key: string; values: Record<string, string> } | undefined {
  const named = /^No such ([A-Za-z_ ]+): '([^']*)'/.exec(message);
  return named ? { key: 'no_such', values: { kind: KINDS[named[1]] ?? 'other', id: named[2] } } : undefined;
}

/** zod's issues as field codes (the shared form schemas' messages are message keys); the first issue per field wins. */
export function issuesToCodes(error: z.ZodError): FailureCodes {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) fields[issue.path.join('.')] ??= issue.message;
  return { code: 'invalid_input', fields };
}

/**
 * Every error an action may meet, as codes: an ActionError as thrown; an ApiError of the lib/ code
 * shared with the REST API as `not_found`, `too_many_endpoints` or its Stripe code (else `invalid`),
 * on the form field whose API parameter it names (`apiFields`: "line_items" also names
 * "line_items[0][price]"; the longest known prefix wins). Anything else is a bug (or Next's
 * redirect / notFound signal): null, and the caller rethrows it.
 */
export function errorToCodes(err: unknown, apiFields: Record<string, string> = {}): FailureCodes | null {
  if (err instanceof ActionError) return { code: err.code, fields: err.fields };
  if (!(err instanceof ApiError)) return null;
  const code =
    err instanceof EndpointLimitError ? 'too_many_endpoints' : err.code === 'resource_missing' ? 'not_found' : (err.code ?? 'invalid');
  const param = err.param ?? '';
  const key = Object.keys(apiFields)
    .filter((k) => param === k || param.startsWith(`${k}[`))
    .sort((a, b) => b.length - a.length)[0];
  const says = code === 'not_found' ? missingObject(err.message) : undefined;
  return { code, ...(key ? { fields: { [apiFields[key]]: code } } : {}), ...(says ? { says } : {}) };
}

/** The part of next-intl's translator the mapping uses (root namespace). */
export type Translate = { (key: string, values?: Record<string, string>): string; has(key: string): boolean };

/** The messages every action shares (messages/<locale>.json), after the action's own namespace. */
export const SHARED_NAMESPACE = 'ActionErrors';

/**
 * The one mapping from codes to words: a code (or first its precise `says`) is looked up in the
 * action's namespace (the form's `…errors`), then in the shared ActionErrors; an unknown one reads
 * as the namespace's `invalid` or the shared one. The code itself stays in `error` for components that branch on it.
 */
export function localizeFailure(failure: FailureCodes, t: Translate, namespace: string | undefined): ActionFailure {
  const say = (code: string) => {
    const { says } = failure;
    if (says && code === failure.code) {
      for (const key of [namespace && `${namespace}.${says.key}`, `${SHARED_NAMESPACE}.${says.key}`]) {
        if (key && t.has(key)) return t(key, says.values);
      }
    }
    for (const key of [namespace && `${namespace}.${code}`, `${SHARED_NAMESPACE}.${code}`, namespace && `${namespace}.invalid`]) {
      if (key && t.has(key)) return t(key);
    }
    return t(`${SHARED_NAMESPACE}.invalid`);
  };
  const fieldErrors = failure.fields && Object.fromEntries(Object.entries(failure.fields).map(([path, code]) => [path, say(code)]));
  return { ok: false, error: failure.code, message: say(failure.code), ...(fieldErrors ? { fieldErrors } : {}) };
}
