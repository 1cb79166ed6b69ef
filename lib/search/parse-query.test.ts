import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api/errors';
import { MAX_CLAUSES, parseQuery, type Clause, type Query, type Value } from './parse-query';

function errorOf(text: string): ApiError {
  try {
    parseQuery(text);
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error(`expected ${text} to be refused`);
}

const str = (text: string): Value => ({ kind: 'string', text });

describe("parseQuery (Stripe's search query language)", () => {
  it("reads the examples of Stripe's docs", () => {
    expect(parseQuery(`email:"amy@rocketrides.io" metadata["key"]:"value"`)).toEqual({
      join: 'and',
      clauses: [
        { negated: false, field: 'email', op: ':', value: str('amy@rocketrides.io') },
        { negated: false, field: 'metadata', key: 'key', op: ':', value: str('value') },
      ],
    });
    expect(parseQuery(`active:'true' AND metadata['order_id']:'6735'`).clauses.map((c) => [c.field, c.key, c.value])).toEqual([
      ['active', undefined, str('true')],
      ['metadata', 'order_id', str('6735')],
    ]);
    expect(parseQuery('-currency:"jpy"').clauses[0]).toEqual({ negated: true, field: 'currency', op: ':', value: str('jpy') });
    expect(parseQuery('currency:"usd" or currency:"eur"').join).toBe('or');
    expect(parseQuery('url:null').clauses[0].value).toEqual({ kind: 'null' });
    expect(parseQuery('-metadata["donation-id"]:NULL').clauses[0]).toEqual({
      negated: true,
      field: 'metadata',
      key: 'donation-id',
      op: ':',
      value: { kind: 'null' },
    });
    expect(parseQuery('email~"amy"').clauses[0].op).toBe('~');
    expect(parseQuery('created>=1620310503 created<1620310600').clauses.map((c) => [c.op, c.value])).toEqual([
      ['>=', { kind: 'number', text: '1620310503' }],
      ['<', { kind: 'number', text: '1620310600' }],
    ]);
    expect(parseQuery(String.raw`description:"the story called \"The Sky and the Sea.\""`).clauses[0].value).toEqual(
      str('the story called "The Sky and the Sea."'),
    );
    expect(parseQuery('name:"null"').clauses[0].value).toEqual(str('null'));
  });

  it.each([
    ['', /Expected a field name at position 1/],
    ['name', /Expected an operator/],
    ['name:amy', /Expected a quoted value, a number or null at position 6/],
    ['name:"amy', /Expected a closing "/],
    ['metadata["k":"v"', /Expected "\]"/],
    ['name:"a"AND email:"b"', /Expected a space between clauses/],
    ['name:"a" AND', /Expected an operator/],
    ['name:"a" AND email:"b" OR phone:"c"', /AND and OR cannot be combined/],
    ['name:"a" email:"b" OR phone:"c"', /AND and OR cannot be combined/],
    [Array.from({ length: MAX_CLAUSES + 1 }, (_, i) => `name:"${i}"`).join(' '), /at most 10 clauses/],
  ])("refuses %j with Stripe's 400 on param query", (text, detail) => {
    const err = errorOf(text);
    expect(err).toMatchObject({ status: 400, type: 'invalid_request_error', param: 'query' });
    expect(err.message).toMatch(/^We were unable to parse your search query\./);
    expect(err.message).toMatch(detail);
  });

  // Property: printing any query and parsing it back gives the same query.
  const value: fc.Arbitrary<Value> = fc.oneof(
    fc.string({ maxLength: 12 }).map(str),
    fc.constantFrom('"', "'", '\\', 'a"b', "it's", 'AND', 'null', ' x ', '-1').map(str),
    fc.integer({ min: -1e9, max: 1e10 }).map((n) => ({ kind: 'number' as const, text: String(n) })),
    fc.constant({ kind: 'null' as const }),
  );
  const clauseArb: fc.Arbitrary<Clause> = fc
    .record({
      negated: fc.boolean(),
      field: fc.constantFrom('name', 'email', 'created', 'active', 'metadata', 'lookup_key', 'a.b_c'),
      key: fc.option(fc.string({ maxLength: 8 }), { nil: undefined }),
      op: fc.constantFrom(':', '~', '>', '<', '>=', '<=' as const),
      value,
    })
    .map(({ key, ...c }) => (key === undefined ? c : { ...c, key }));
  const queryArb: fc.Arbitrary<Query> = fc.record({
    join: fc.constantFrom('and', 'or' as const),
    clauses: fc.array(clauseArb, { minLength: 1, maxLength: MAX_CLAUSES }),
  });

  const quote = (text: string, q: '"' | "'") => `${q}${text.replaceAll('\\', '\\\\').replaceAll(q, `\\${q}`)}${q}`;
  const print = (v: Value, q: '"' | "'") => (v.kind === 'string' ? quote(v.text, q) : v.kind === 'null' ? 'null' : v.text);
  const printClause = (c: Clause, q: '"' | "'") =>
    `${c.negated ? '-' : ''}${c.field}${c.key === undefined ? '' : `[${quote(c.key, q)}]`}${c.op}${print(c.value, q)}`;

  it('property: a printed query parses back to itself, whatever the quotes, joins and spacing', () => {
    fc.assert(
      fc.property(
        queryArb,
        fc.constantFrom('"', "'" as const),
        fc.constantFrom(' ', '  ', '\t', ' \n '),
        fc.boolean(),
        fc.constantFrom('AND', 'and', 'And'),
        (q, mark, gap, implicit, and) => {
          const joiner = q.join === 'or' ? `${gap}OR${gap}` : implicit ? gap : `${gap}${and}${gap}`;
          const text = `${gap}${q.clauses.map((c) => printClause(c, mark)).join(joiner)}${gap}`;
          const parsed = parseQuery(text);
          expect(parsed.clauses).toEqual(q.clauses);
          if (q.clauses.length > 1) expect(parsed.join).toBe(q.join);
        },
      ),
    );
  });

  it("property: any text is either a query or Stripe's 400, never another failure", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 60 }), fc.stringMatching(/^[-a-z_:~<>=" 'ANDOR\[\]\\0-9]{0,40}$/)), (text) => {
        try {
          parseQuery(text);
        } catch (err) {
          expect(err).toBeInstanceOf(ApiError);
          expect((err as ApiError).status).toBe(400);
        }
      }),
    );
  });
});
