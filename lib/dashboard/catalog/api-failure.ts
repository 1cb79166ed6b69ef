import { ApiError } from '@/lib/api/errors';
import { fail, type ActionResult } from '@/lib/dashboard/action-result';

/**
 * What lib/catalog refused, for a dashboard form: the API's own message (the same words a
 * developer gets from the REST API), on the field whose API parameter it names, else on the
 * form. Anything but an ApiError is a bug and is rethrown.
 */
export function apiFailure(err: unknown, fields: Record<string, string> = {}): ActionResult<never> {
  if (!(err instanceof ApiError)) throw err;
  const param = err.param ?? '';
  // "line_items[0][price]" names the field of "line_items"; the longest known prefix wins.
  const key = Object.keys(fields)
    .filter((k) => param === k || param.startsWith(`${k}[`))
    .sort((a, b) => b.length - a.length)[0];
  return key ? fail(err.message, { [fields[key]]: err.message }) : fail(err.message);
}
