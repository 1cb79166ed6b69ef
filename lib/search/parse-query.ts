import { invalidRequest } from '@/lib/api/errors';

/**
 * Stripe's search query language (https://docs.stripe.com/search#search-query-language), parsed
 * into clauses. Pure: which fields exist and what they mean is lib/search/query-sql.ts's business.
 *
 *   query  = clause { (" "+ | " AND " | " OR ") clause }     AND and OR are not mixed; ≤ 10 clauses
 *   clause = ["-"] field op value
 *   field  = name | "metadata[" quoted "]"
 *   op     = ":" | "~" | ">" | "<" | ">=" | "<="
 *   value  = quoted ('…' or "…", \ escapes) | number | null
 */

export type Op = ':' | '~' | '>' | '<' | '>=' | '<=';
export type Value = { kind: 'string'; text: string } | { kind: 'number'; text: string } | { kind: 'null' };
export type Clause = { negated: boolean; field: string; key?: string; op: Op; value: Value };
export type Query = { join: 'and' | 'or'; clauses: Clause[] };

export const MAX_CLAUSES = 10;

const PARSE_ERROR =
  'We were unable to parse your search query. Try using the format `metadata["key"]:"value"` to query for metadata or key:"value" to query for other fields.';

/** Stripe's 400 for a query it cannot read, with what went wrong where. */
export const queryError = (detail?: string) => invalidRequest(detail ? `${PARSE_ERROR} ${detail}` : PARSE_ERROR, 'query');

const NAME = /[A-Za-z_][A-Za-z0-9_.]*/y;
const NUMBER = /-?\d+(\.\d+)?(?=$|\s)/y;
const NULL = /null(?=$|\s)/iy;
const SPACE = /\s+/y;
const JOIN = /(AND|OR)\s+/iy;

class Scanner {
  at = 0;
  constructor(readonly text: string) {}

  match(re: RegExp): string | null {
    re.lastIndex = this.at;
    const m = re.exec(this.text);
    if (!m) return null;
    this.at = re.lastIndex;
    return m[0];
  }

  peek(s: string): boolean {
    return this.text.startsWith(s, this.at);
  }

  done(): boolean {
    return this.at >= this.text.length;
  }

  fail(what: string): never {
    throw queryError(`Expected ${what} at position ${this.at + 1}.`);
  }
}

function quoted(s: Scanner): string {
  const quote = s.text[s.at];
  if (quote !== '"' && quote !== "'") s.fail('a quoted value');
  let out = '';
  for (let i = s.at + 1; i < s.text.length; i++) {
    const c = s.text[i];
    if (c === '\\' && i + 1 < s.text.length) out += s.text[++i];
    else if (c === quote) {
      s.at = i + 1;
      return out;
    } else out += c;
  }
  s.at = s.text.length;
  return s.fail(`a closing ${quote}`);
}

function value(s: Scanner): Value {
  if (s.peek('"') || s.peek("'")) return { kind: 'string', text: quoted(s) };
  if (s.match(NULL) !== null) return { kind: 'null' };
  const n = s.match(NUMBER);
  if (n !== null) return { kind: 'number', text: n };
  return s.fail('a quoted value, a number or null');
}

function clause(s: Scanner): Clause {
  const negated = s.match(/-/y) !== null;
  const field = s.match(NAME) ?? s.fail('a field name');
  let key: string | undefined;
  if (s.peek('[')) {
    s.at++;
    key = quoted(s);
    if (!s.peek(']')) s.fail('"]"');
    s.at++;
  }
  const op = (s.match(/>=|<=|[:~<>]/y) ?? s.fail('an operator (":", "~", ">", "<", ">=" or "<=")')) as Op;
  return { negated, field, ...(key !== undefined && { key }), op, value: value(s) };
}

export function parseQuery(text: string): Query {
  const s = new Scanner(text);
  s.match(SPACE);
  const clauses = [clause(s)];
  const joins = new Set<'and' | 'or'>();
  while (!s.done()) {
    if (s.match(SPACE) === null) s.fail('a space between clauses');
    if (s.done()) break;
    const join = s.match(JOIN);
    joins.add(join?.trim().toLowerCase() === 'or' ? 'or' : 'and');
    clauses.push(clause(s));
  }
  if (joins.size > 1) throw queryError('AND and OR cannot be combined in one query.');
  if (clauses.length > MAX_CLAUSES) throw queryError(`A query can have at most ${MAX_CLAUSES} clauses.`);
  return { join: joins.has('or') ? 'or' : 'and', clauses };
}
