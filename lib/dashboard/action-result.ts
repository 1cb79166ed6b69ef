import type { z } from 'zod';

/**
 * What a dashboard server action answers its form. Messages are translation keys of the
 * form's namespace; `fieldErrors` is keyed by the field's dotted path.
 */
export type ActionResult<T = undefined> = { ok: true; data: T } | { ok: false; error?: string; fieldErrors?: Record<string, string> };

export function ok(): ActionResult<undefined>;
export function ok<T>(data: T): ActionResult<T>;
export function ok<T>(data?: T): ActionResult<T | undefined> {
  return { ok: true, data };
}

export function fail(error: string, fieldErrors?: Record<string, string>): ActionResult<never> {
  return { ok: false, error, fieldErrors };
}

/** Checks a server action's input with the form's own schema: the browser is never trusted. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
): { ok: true; data: z.output<S> } | { ok: false; result: ActionResult<never> } {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, data: parsed.data };
  const fieldErrors: Record<string, string> = {};
  for (const issue of parsed.error.issues) fieldErrors[issue.path.join('.')] ??= issue.message;
  return { ok: false, result: { ok: false, error: 'invalid_input', fieldErrors } };
}
