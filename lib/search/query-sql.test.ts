import fc from 'fast-check';
import { PgDialect } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api/errors';
import { parseQuery } from './parse-query';
import { querySql } from './query-sql';
import { SEARCHABLE } from './searchable';

const dialect = new PgDialect();
const compile = (query: string, resource: keyof typeof SEARCHABLE = 'products') =>
  dialect.sqlToQuery(querySql(parseQuery(query), SEARCHABLE[resource].fields, resource));

function errorOf(query: string, resource: keyof typeof SEARCHABLE = 'products'): ApiError {
  try {
    compile(query, resource);
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error(`expected ${query} to be refused`);
}

describe('querySql: a parsed query as a parameterized WHERE condition', () => {
  it('binds every value and metadata key as a parameter', () => {
    const q = compile(`name~"shirt" AND metadata["color"]:"red" AND -url:null`);
    expect(q.sql).not.toMatch(/shirt|color|red/);
    expect(q.params).toEqual(['shirt', 'color', 'red']);
    expect(q.sql).toBe(
      `(coalesce((strpos(lower("products"."name"::text), lower($1)) > 0), false) and coalesce((lower(("products"."metadata" ->> $2)) = lower($3)), false) and not coalesce((("products"."url" is null or "products"."url"::text = '')), false))`,
    );
  });

  it('matches a string field by its words in order, case-insensitively', () => {
    expect(compile('name:"Blue  SHIRT!"').params).toEqual(['(^|[^[:alnum:]])blue[^[:alnum:]]+shirt([^[:alnum:]]|$)']);
    // Nothing but punctuation: the exact text.
    expect(compile('name:"!!"').sql).toMatch(/= lower\(\$1\)/);
  });

  it('compares created in whole seconds', () => {
    const at = (s: number) => new Date(s * 1000).toISOString();
    const params = (query: string) => compile(query, 'customers').params.map((p) => (p instanceof Date ? p.toISOString() : p));
    expect(params('created>100')).toEqual([at(101)]);
    expect(params('created>=100')).toEqual([at(100)]);
    expect(params('created<100')).toEqual([at(100)]);
    expect(params('created<=100')).toEqual([at(101)]);
    expect(params('created:100')).toEqual([at(100), at(101)]);
  });

  it.each([
    ['foo:"x"', 'products', /^Field `foo` is an unsupported search field for resource `products`\./],
    ['email:"x"', 'products', /unsupported search field/],
    ['created>1', 'prices', /unsupported search field for resource `prices`/],
    ['name["k"]:"x"', 'customers', /^Field `name\["k"\]` is an unsupported/],
    ['toString:"x"', 'products', /unsupported search field/],
    ['active~"tru"', 'products', /operator `~` is not supported by the field `active`/],
    ['name>"a"', 'products', /operator `>` is not supported/],
    ['name~null', 'products', /operator `~` is not supported by the field `name` with null/],
    ['name~"ab"', 'products', /at least 3 characters/],
    ['metadata["k"]~"abc"', 'products', /operator `~`/],
    ['created:1.5', 'customers', /whole number of seconds/],
    ['created~"123"', 'customers', /operator `~`/],
    ['created>99999999999999', 'customers', /whole number of seconds/],
    [`name:"${'w '.repeat(65)}"`, 'products', /at most 64 words/],
  ] as const)('refuses %s on %s', (query, resource, message) => {
    const err = errorOf(query, resource);
    expect(err).toMatchObject({ status: 400, param: 'query' });
    expect(err.message).toMatch(message);
  });

  it('property: no value or key ever reaches the SQL text', () => {
    const text = fc.string({ minLength: 3, maxLength: 20 }).filter((s) => /[\p{L}\p{N}'"\\;%]/u.test(s));
    // Characters no generated SQL contains: outside printable ASCII, or a quote, backslash, semicolon or percent sign.
    const distinctive = (s: string) => s.length > 3 && /[^\x20-\x7e]|['\\;%]/.test(s);
    const quote = (s: string) => `"${s.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
    fc.assert(
      fc.property(text, text, fc.constantFrom('name:', 'name~', 'description~', 'url:'), (value, key, field) => {
        const q = compile(`${field}${quote(value)} OR metadata[${quote(key)}]:${quote(value)}`);
        expect(q.params).toContain(key);
        // Only text the SQL itself can never hold proves anything: a plain word ("name", "::te") may be part of it.
        for (const input of [value, key]) if (distinctive(input)) expect(q.sql).not.toContain(input);
      }),
    );
  });
});
