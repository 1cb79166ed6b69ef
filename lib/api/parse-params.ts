import type { z } from 'zod';
import { ApiError, invalidRequest, missingParam, unknownParam, type ErrorCode } from './errors';

/** ["line_items", 0, "price"] → "line_items[0][price]" */
export function bracketPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (i === 0 ? String(p) : `[${String(p)}]`)).join('');
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = input;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[p as string];
  }
  return cur;
}

type Issue = z.core.$ZodIssue;

/**
 * The issue of a union that best names what went wrong: the branch that got
 * furthest into the value (a hash branch's `metadata[k]` beats the `""` unset branch).
 */
function firstLeafIssue(issue: Issue): Issue {
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return issue;
  // Each branch is judged by its first issue: zod runs a branch's later checks
  // even after its type check failed, and those say nothing useful.
  const firsts = issue.errors.flatMap((branch) => (branch[0] ? [{ ...branch[0], path: [...issue.path, ...branch[0].path] }] : []));
  const depth = (c: Issue) => c.path.length * 2 + (c.code === 'invalid_type' || c.code === 'invalid_value' ? 0 : 1);
  const best = firsts.reduce((a, b) => (depth(b) > depth(a) ? b : a));
  if (depth(best) <= issue.path.length * 2) return typeMismatch(issue, firsts);
  return firstLeafIssue(best);
}

const isDefaultMessage = (message: string) => message.startsWith('Invalid input');

/**
 * No branch took the value's type: the union's own message (`Invalid boolean: maybe`) if it has one,
 * else the one branch besides the `""` unset branch of unsettable()/metadata() (`must be a hash`).
 */
function typeMismatch(issue: Issue, branches: Issue[]): Issue {
  const real = branches.filter((c) => !(c.code === 'invalid_value' && c.values.length === 1 && c.values[0] === ''));
  return isDefaultMessage(issue.message) && real.length === 1 ? real[0] : issue;
}

/** The Stripe code a builder in params.ts put on its issue (`Invalid integer` → parameter_invalid_integer), if any. */
const codeOf = (issue: Issue): ErrorCode | undefined =>
  issue.code === 'custom' ? (issue.params?.code as ErrorCode | undefined) : undefined;

/** Stripe's answer to `key=` where the parameter cannot be unset. */
const emptyValue = (param: string) =>
  invalidRequest(
    `You passed an empty string for '${param}'. We assume empty values are an attempt to unset a parameter; however '${param}' cannot be unset. You should remove '${param}' from your request or supply a non-empty value.`,
    param,
    'parameter_invalid_empty',
  );

export function issueToApiError(raw: Issue, input: unknown): ApiError {
  if (raw.code !== 'unrecognized_keys' && valueAt(input, raw.path) === undefined && raw.path.length > 0)
    return missingParam(bracketPath(raw.path));
  const issue = firstLeafIssue(raw);
  const param = bracketPath(issue.path);
  if (issue.code === 'unrecognized_keys') return unknownParam(bracketPath([...issue.path, issue.keys[0]]));
  if (valueAt(input, issue.path) === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_union'))
    return missingParam(param);
  if (valueAt(input, issue.path) === '' && issue.path.length > 0) return emptyValue(param);
  if (issue.code === 'invalid_type' && (issue.expected === 'object' || issue.expected === 'record'))
    return invalidRequest(`Invalid object: ${param} must be a hash.`, param);
  if (issue.code === 'invalid_type' && issue.expected === 'array')
    return invalidRequest(`Invalid array: ${param} must be an array.`, param);
  if ((issue.code === 'invalid_union' || issue.code === 'invalid_type') && isDefaultMessage(issue.message))
    return invalidRequest(`Invalid value for ${param}.`, param);
  if (issue.code === 'too_big' && issue.origin === 'array')
    return invalidRequest(`Too many items in ${param}: at most ${String(issue.maximum)} are allowed.`, param);
  if (issue.code === 'too_small' && issue.origin === 'array')
    return invalidRequest(`${param} must have at least ${String(issue.minimum)} item(s).`, param);
  const message = issue.message.endsWith('.') ? `${issue.message.slice(0, -1)} (${param}).` : `${issue.message} (${param}).`;
  return invalidRequest(message, param, codeOf(issue));
}

/** Validates request params with an operation's schema; the first problem becomes a Stripe error. */
export function parseParams<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  // An unknown parameter explains the other problems best ("nam" for "name").
  const issues = result.error.issues;
  throw issueToApiError(issues.find((i) => i.code === 'unrecognized_keys') ?? issues[0], input);
}
