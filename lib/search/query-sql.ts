import { and, not, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { invalidRequest } from '@/lib/api/errors';
import { createdFilter } from '@/lib/api/list';
import { present } from '@/lib/util/present';
import type { Clause, Query, Value } from './parse-query';

/**
 * A searchable field and Stripe's type for it (https://docs.stripe.com/search#supported-query-fields-for-each-resource):
 * `token` matches exactly, `string` also by substring (`~`), `numeric` compares (`created`, in unix
 * seconds), `metadata` is the `metadata["key"]` hash. Every comparison is case-insensitive.
 */
export type SearchField =
  { type: 'token' | 'string'; column: AnyPgColumn } | { type: 'created'; column: AnyPgColumn } | { type: 'metadata'; column: AnyPgColumn };

export type SearchFields = Record<string, SearchField>;

const MIN_SUBSTRING = 3;
// Beyond these a value is no search anyone makes, and the database would refuse its pattern or date.
const MAX_PHRASE_WORDS = 64;
const MAX_SECONDS = 253402300799;

const unsupportedField = (field: string, resource: string) =>
  invalidRequest(
    `Field \`${field}\` is an unsupported search field for resource \`${resource}\`. See https://docs.stripe.com/search#query-fields-for-${resource} for a list of supported fields.`,
    'query',
  );

const unsupportedOp = (c: Clause) =>
  invalidRequest(
    `The operator \`${c.op}\` is not supported by the field \`${c.field}\`${c.value.kind === 'null' ? ' with null' : ''}.`,
    'query',
  );

/**
 * "contains all of the words from the query in the same order", as a case-insensitive regular
 * expression: the words are letters and digits only, so nothing in them is a regex operator.
 */
function phrase(text: string): string | null {
  const words = text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  if (words.length > MAX_PHRASE_WORDS) throw invalidRequest(`A search value can have at most ${MAX_PHRASE_WORDS} words.`, 'query');
  return words.length ? `(^|[^[:alnum:]])${words.join('[^[:alnum:]]+')}([^[:alnum:]]|$)` : null;
}

function stringMatch(column: AnyPgColumn, c: Clause, value: Value): SQL {
  if (value.kind === 'null') {
    if (c.op !== ':') throw unsupportedOp(c);
    return sql`(${column} is null or ${column}::text = '')`;
  }
  const text = value.text;
  if (c.op === '~') {
    // eslint-disable-next-line @typescript-eslint/no-misused-spread -- counts code points on purpose, as the limit's message counts characters
    if ([...text].length < MIN_SUBSTRING)
      throw invalidRequest(`Substring searches need at least ${MIN_SUBSTRING} characters: \`${c.field}~"${text}"\`.`, 'query');
    return sql`strpos(lower(${column}::text), lower(${text})) > 0`;
  }
  if (c.op !== ':') throw unsupportedOp(c);
  const pattern = phrase(text);
  return pattern ? sql`lower(${column}::text) ~ ${pattern}` : sql`lower(${column}::text) = lower(${text})`;
}

function tokenMatch(column: AnyPgColumn, c: Clause, value: Value): SQL {
  if (c.op !== ':') throw unsupportedOp(c);
  return value.kind === 'null' ? sql`${column} is null` : sql`lower(${column}::text) = lower(${value.text})`;
}

function createdMatch(column: AnyPgColumn, c: Clause, value: Value): SQL {
  if (value.kind === 'null') {
    if (c.op !== ':') throw unsupportedOp(c);
    return sql`${column} is null`;
  }
  if (c.op === '~') throw unsupportedOp(c);
  const n = /^-?\d+$/.test(value.text) ? Number(value.text) : NaN;
  if (!Number.isSafeInteger(n) || Math.abs(n) > MAX_SECONDS)
    throw invalidRequest(`\`${c.field}\` takes a whole number of seconds since the Unix epoch, not "${value.text}".`, 'query');
  const range = c.op === ':' ? n : { '>': { gt: n }, '<': { lt: n }, '>=': { gte: n }, '<=': { lte: n } }[c.op];
  return present(and(...createdFilter(column, range)), `the condition of ${c.field}`);
}

function metadataMatch(column: AnyPgColumn, c: Clause, value: Value): SQL {
  if (c.key === undefined) throw invalidRequest('Search metadata with `metadata["key"]:"value"`.', 'query');
  if (c.op !== ':') throw unsupportedOp(c);
  // Stored values are always strings, so a missing value is a missing key.
  const stored = sql`(${column} ->> ${c.key})`;
  return value.kind === 'null' ? sql`${stored} is null` : sql`lower(${stored}) = lower(${value.text})`;
}

function clauseSql(fields: SearchFields, resource: string, c: Clause): SQL {
  const field = Object.hasOwn(fields, c.field) ? fields[c.field] : undefined;
  if (!field || (c.key !== undefined && field.type !== 'metadata'))
    throw unsupportedField(c.key === undefined ? c.field : `${c.field}[${JSON.stringify(c.key)}]`, resource);
  const value = c.value.kind === 'number' && field.type !== 'created' ? { kind: 'string' as const, text: c.value.text } : c.value;
  const match =
    field.type === 'string'
      ? stringMatch(field.column, c, value)
      : field.type === 'token'
        ? tokenMatch(field.column, c, value)
        : field.type === 'created'
          ? createdMatch(field.column, c, value.kind === 'string' ? { kind: 'number', text: value.text } : value)
          : metadataMatch(field.column, c, value);
  // A clause is true or false, never unknown, so that `-clause` is exactly its complement.
  const known = sql`coalesce((${match}), false)`;
  return c.negated ? not(known) : known;
}

/** The WHERE condition for a parsed query over a resource's fields; every value is a bound parameter. */
export function querySql(query: Query, fields: SearchFields, resource: string): SQL {
  const parts = query.clauses.map((c) => clauseSql(fields, resource, c));
  // The parser makes at least one clause, so there is always a condition.
  return present(query.join === 'or' ? or(...parts) : and(...parts), 'the condition of a query without clauses');
}
