import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { requireMerchant, type MerchantContext } from '@/lib/dashboard/current-merchant';
import { errorToCodes, issuesToCodes, localizeFailure, type FailureCodes } from './errors';
import { formInput } from './form-data';
import type { ActionFailure, ActionResult } from './result';

/** A path to revalidate after the action succeeded: a page, or `{ path, type: 'layout' }` for everything under it. */
export type Revalidate = string | { path: string; type: 'layout' | 'page' };

export type ActionOptions = {
  /** The form's message namespace (e.g. `Dashboard.catalog.errors`): its keys put codes into words first. */
  messages?: string;
  /** Revalidated after a success only. */
  revalidate?: readonly Revalidate[];
  /** REST API parameter → form field: where an ApiError naming that parameter is shown. */
  apiFields?: Record<string, string>;
  /**
   * What invalid input answers: `fields` (default) `invalid_input` with each field's message,
   * `form` the first issue's key as the form's error (inputs that are not form fields, such as
   * a file), or a fixed code (`{ code: 'link_invalid' }`) that tells nothing about the input.
   */
  invalid?: 'fields' | 'form' | { code: string };
};

/**
 * The input argument: the schema's input, or a posted form (FormData, read by `formInput`);
 * optional when the schema accepts nothing (`createSecretKeyAction()`).
 */
type InputArgs<S extends z.ZodType> = undefined extends z.input<S> ? [input?: z.input<S> | FormData] : [input: z.input<S> | FormData];

/** A body that returns nothing answers `{ ok: true, data: undefined }`. */
type Data<T> = undefined extends T ? Exclude<T, void> | undefined : T;

/** An action's body: the parsed input and who acts; what it returns is the result's data. Refusals are thrown (ActionError, ApiError). */
export type ActionBody<S extends z.ZodType, C, T> = (data: z.output<S>, ctx: C) => Promise<T>;

/** The one mapping of a failure's codes to the dashboard's language. */
export async function failure(codes: FailureCodes, messages?: string): Promise<ActionFailure> {
  return localizeFailure(codes, await getTranslations(), messages);
}

function invalidCodes(error: z.ZodError, invalid: ActionOptions['invalid'] = 'fields'): FailureCodes {
  if (invalid === 'fields') return issuesToCodes(error);
  if (invalid === 'form') return { code: error.issues[0]?.message ?? 'invalid_input' };
  return { code: invalid.code };
}

function revalidate(paths: readonly Revalidate[] = []) {
  for (const p of paths) {
    if (typeof p === 'string') revalidatePath(p);
    else revalidatePath(p.path, p.type);
  }
}

/**
 * The steps every action takes, in this order: who acts (first: a signed-out user is sent to
 * sign in before anything is read), the input checked by its schema (the browser is never
 * trusted), an optional check of the other arguments, the body, then revalidation. Known
 * errors become a localized failure; anything else (a bug, or Next's redirect and notFound
 * signals) is rethrown.
 */
async function execute<S extends z.ZodType, C, T>(
  actor: () => Promise<C>,
  schema: S,
  raw: unknown,
  body: ActionBody<S, C, T>,
  options: ActionOptions,
  check?: () => FailureCodes | null,
): Promise<ActionResult<Data<T>>> {
  const ctx = await actor();
  const parsed = await schema.safeParseAsync(formInput(raw));
  if (!parsed.success) return failure(invalidCodes(parsed.error, options.invalid), options.messages);
  const refused = check?.();
  if (refused) return failure(refused, options.messages);
  let data: Data<T>;
  try {
    // A void body's undefined is the result's data as it is.
    data = (await body(parsed.data, ctx)) as Data<T>;
  } catch (err) {
    const codes = errorToCodes(err, options.apiFields);
    if (!codes) throw err;
    return failure(codes, options.messages);
  }
  revalidate(options.revalidate);
  return { ok: true, data };
}

/** An action anyone may call (sign-in, sign-up): no one to resolve. */
export function publicAction<S extends z.ZodType, T>(schema: S, body: ActionBody<S, undefined, T>, options: ActionOptions = {}) {
  return async (...[input]: InputArgs<S>): Promise<ActionResult<Data<T>>> =>
    execute(() => Promise.resolve(undefined), schema, input, body, options);
}

/**
 * A dashboard action: acts for the signed-in user's current account (requireMerchant: signed
 * out → redirected to sign in; no account → 404). The body passes `accountId` to lib/, which
 * scopes every read and write by it.
 */
export function merchantAction<S extends z.ZodType, T>(schema: S, body: ActionBody<S, MerchantContext, T>, options: ActionOptions = {}) {
  return async (...[input]: InputArgs<S>): Promise<ActionResult<Data<T>>> => execute(requireMerchant, schema, input, body, options);
}

/** The ids the dashboard's row actions take: another account's id is "not found" in lib/, as in the REST API. */
export const objectId = z.string().min(1).max(255);

/**
 * A dashboard action on one object, called as `(id, input)` (or bound: `action.bind(null, id)`).
 * Invalid input is reported first; an id its schema refuses answers `not_found`.
 */
export function merchantIdAction<S extends z.ZodType, T>(
  schema: S,
  body: ActionBody<S, MerchantContext & { id: string }, T>,
  options: ActionOptions & { id?: z.ZodType<string> } = {},
) {
  const idSchema = options.id ?? objectId;
  return async (id: string, ...[input]: InputArgs<S>): Promise<ActionResult<Data<T>>> =>
    execute(
      async () => ({ ...(await requireMerchant()), id }),
      schema,
      input,
      body,
      options,
      () => (idSchema.safeParse(id).success ? null : { code: 'not_found' }),
    );
}
