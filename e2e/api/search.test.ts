import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { newMerchant, rawRequest, stripeError } from '../support/merchant';
import { defined } from '../support/defined';

const PARSE_ERROR =
  /^We were unable to parse your search query\. Try using the format `metadata\["key"\]:"value"` to query for metadata or key:"value" to query for other fields\./;
const names = (r: { data: { name?: string | null }[] }) => r.data.map((o) => o.name);

describe("search with Stripe's query language", () => {
  it('stripe.products.search: exact phrases, substrings, tokens, metadata, null, negation, AND and OR', async () => {
    const { stripe } = await newMerchant();
    const tee = await stripe.products.create({
      name: 'Big Blue Shirt XL',
      description: 'Organic cotton',
      metadata: { color: 'red', size: 'xl' },
      url: 'https://shop.example/tees/blue',
    });
    await stripe.products.create({ name: 'Shirt, blue', metadata: { color: 'blue' }, shippable: true });
    await stripe.products.create({ name: 'Mug', active: false });
    const search = async (query: string) => names(await stripe.products.search({ query }));
    expect(await search('name:"blue shirt"')).toEqual(['Big Blue Shirt XL']);
    expect(await search('name~"shir"')).toEqual(['Shirt, blue', 'Big Blue Shirt XL']);
    expect(await search('name:"MUG"')).toEqual(['Mug']);
    expect(await search("active:'false'")).toEqual(['Mug']);
    expect(await search('shippable:"true"')).toEqual(['Shirt, blue']);
    expect(await search('metadata["color"]:"RED"')).toEqual(['Big Blue Shirt XL']);
    expect(await search("metadata['color']:'red' OR metadata['color']:'blue'")).toEqual(['Shirt, blue', 'Big Blue Shirt XL']);
    expect(await search('metadata["color"]:null')).toEqual(['Mug']);
    expect(await search('-metadata["size"]:null')).toEqual(['Big Blue Shirt XL']);
    expect(await search('-name~"shirt"')).toEqual(['Mug']);
    expect(await search('description~"COTTON" AND url~"/tees/"')).toEqual(['Big Blue Shirt XL']);
    expect(await search('url:null active:"true"')).toEqual(['Shirt, blue']);
    expect(await search('name:"sweater"')).toEqual([]);
    const found = await stripe.products.search({ query: `metadata["size"]:"xl"` });
    expect(found).toMatchObject({ object: 'search_result', url: '/v1/products/search', has_more: false, next_page: null });
    expect(found.data).toEqual([await stripe.products.retrieve(tee.id)]);
    expect(found).not.toHaveProperty('total_count');
  });

  it('stripe.prices.search: currency, type, product, lookup_key and active; inline prices are not found', async () => {
    const { stripe } = await newMerchant();
    const product = await stripe.products.create({ name: 'Plan' });
    const monthly = await stripe.prices.create({
      product: product.id,
      unit_amount: 900,
      currency: 'eur',
      recurring: { interval: 'month' },
      lookup_key: 'pro_monthly',
    });
    const once = await stripe.prices.create({ product: product.id, unit_amount: 5000, currency: 'usd', metadata: { tier: 'gold' } });
    await stripe.checkout.sessions.create({
      mode: 'payment',
      success_url: 'https://shop.example/ok',
      line_items: [{ price_data: { currency: 'usd', unit_amount: 1, product: product.id }, quantity: 1 }],
    });
    const ids = async (query: string) => (await stripe.prices.search({ query })).data.map((p) => p.id);
    expect(await ids(`product:"${product.id}"`)).toEqual([once.id, monthly.id]);
    expect(await ids('currency:"EUR"')).toEqual([monthly.id]);
    expect(await ids('type:"one_time"')).toEqual([once.id]);
    expect(await ids('lookup_key:"pro_monthly"')).toEqual([monthly.id]);
    expect(await ids('lookup_key~"month"')).toEqual([monthly.id]);
    expect(await ids('active:"true" AND metadata["tier"]:"gold"')).toEqual([once.id]);
    expect(await ids('lookup_key:null')).toEqual([once.id]);
  });

  it('stripe.customers.search: email, name, phone and created compared as numbers', async () => {
    const { stripe } = await newMerchant();
    const amy = await stripe.customers.create({ email: 'amy@rocketrides.io', name: 'Amy Tan', phone: '+15555550100' });
    const bob = await stripe.customers.create({ email: 'bob@example.com', name: 'Bob', metadata: { plan: 'pro' } });
    const gone = await stripe.customers.create({ email: 'amy.gone@rocketrides.io' });
    await stripe.customers.del(gone.id);
    const search = async (query: string) => (await stripe.customers.search({ query })).data.map((c) => c.email);
    expect(await search('email:"amy@rocketrides.io"')).toEqual(['amy@rocketrides.io']);
    expect(await search('email~"rocketrides"')).toEqual(['amy@rocketrides.io']);
    expect(await search('name~"amy" OR metadata["plan"]:"pro"')).toEqual(['bob@example.com', 'amy@rocketrides.io']);
    expect(await search('phone:"+15555550100"')).toEqual(['amy@rocketrides.io']);
    expect(await search(`created>=${amy.created}`)).toEqual(['bob@example.com', 'amy@rocketrides.io']);
    expect(await search(`created<${amy.created}`)).toEqual([]);
    expect(await search(`created>${bob.created}`)).toEqual([]);
    expect(await search(`created<=${bob.created} created:"${amy.created}"`)).toEqual(
      amy.created === bob.created ? ['bob@example.com', 'amy@rocketrides.io'] : ['amy@rocketrides.io'],
    );
  });

  it('pages with limit and next_page, and the SDK auto-pages through every match; expand[]=total_count counts them', async () => {
    const { stripe } = await newMerchant();
    const made: Stripe.Product[] = [];
    for (let i = 0; i < 7; i++)
      made.push(await stripe.products.create({ name: `Poster ${i}`, metadata: { batch: i % 2 ? 'odd' : 'even' } }));
    await stripe.products.create({ name: 'Not a match' });
    const newestFirst = made.map((p) => p.id).reverse();
    const first = await stripe.products.search({ query: 'name~"poster"', limit: 3 });
    expect(first.data.map((p) => p.id)).toEqual(newestFirst.slice(0, 3));
    expect(first).toMatchObject({ has_more: true, next_page: expect.any(String) as unknown });
    const second = await stripe.products.search({ query: 'name~"poster"', limit: 3, page: defined(first.next_page, 'first.next_page') });
    expect(second.data.map((p) => p.id)).toEqual(newestFirst.slice(3, 6));
    const third = await stripe.products.search({ query: 'name~"poster"', limit: 3, page: defined(second.next_page, 'second.next_page') });
    expect(third).toMatchObject({ has_more: false, next_page: null });
    expect(third.data.map((p) => p.id)).toEqual(newestFirst.slice(6));
    const all = await stripe.products.search({ query: 'name~"poster"', limit: 2 }).autoPagingToArray({ limit: 100 });
    expect(all.map((p) => p.id)).toEqual(newestFirst);
    const odd: string[] = [];
    for await (const p of stripe.products.search({ query: 'metadata["batch"]:"odd"', limit: 1 })) odd.push(p.id);
    expect(odd).toEqual(
      newestFirst.filter(
        (id) =>
          defined(
            made.find((p) => p.id === id),
            `product ${id}`,
          ).metadata.batch === 'odd',
      ),
    );
    const counted = await stripe.products.search({ query: 'name~"poster"', limit: 1, expand: ['total_count'] });
    expect(counted).toMatchObject({ total_count: 7, has_more: true });
    expect(counted.data).toHaveLength(1);
  });

  it('expand[] reaches the found objects (data.default_price)', async () => {
    const { stripe } = await newMerchant();
    await stripe.products.create({ name: 'Lamp', default_price_data: { currency: 'usd', unit_amount: 4200 } });
    const found = await stripe.products.search({ query: 'name:"lamp"', expand: ['data.default_price'] });
    expect(found.data[0].default_price).toMatchObject({ object: 'price', unit_amount: 4200 });
  });

  it("finds only the account's own objects", async () => {
    const a = await newMerchant();
    const b = await newMerchant();
    await a.stripe.products.create({ name: 'Secret sauce' });
    expect((await b.stripe.products.search({ query: 'name~"sauce"' })).data).toEqual([]);
    expect((await a.stripe.products.search({ query: 'name~"sauce"' })).data).toHaveLength(1);
  });

  it("bad queries → Stripe's 400 naming what is wrong, never a 500", async () => {
    const { stripe } = await newMerchant();
    const cases: [string, RegExp][] = [
      ['name:shirt', PARSE_ERROR],
      ['name:"shirt', PARSE_ERROR],
      ['name:"a" AND url:null OR active:"true"', /AND and OR cannot be combined/],
      [Array.from({ length: 11 }, () => 'name:"a"').join(' '), /at most 10 clauses/],
      [
        'colour:"red"',
        /^Field `colour` is an unsupported search field for resource `products`\. See https:\/\/docs\.stripe\.com\/search#query-fields-for-products/,
      ],
      ['created>1600000000', /^Field `created` is an unsupported search field for resource `products`/],
      ['active>"1"', /operator `>` is not supported by the field `active`/],
      ['name~"ab"', /at least 3 characters/],
      ['metadata:"x"', /metadata\["key"\]/],
    ];
    for (const [query, message] of cases) {
      const err = await stripeError(stripe.products.search({ query }));
      expect({ query, status: err.statusCode, type: err.type, param: err.param }).toEqual({
        query,
        status: 400,
        type: 'StripeInvalidRequestError',
        param: 'query',
      });
      expect(err.message, query).toMatch(message);
    }
    for (const query of ['created>"soon"', 'created>99999999999999', `name:"${'w '.repeat(500)}"`])
      expect(await stripeError(stripe.customers.search({ query })), query).toMatchObject({ statusCode: 400, param: 'query' });
    expect(await stripeError(stripe.products.search({ query: 'name~"abc"', page: 'not-a-page' }))).toMatchObject({
      statusCode: 400,
      param: 'page',
    });
    expect(await stripeError(stripe.products.search({} as never))).toMatchObject({
      statusCode: 400,
      code: 'parameter_missing',
      param: 'query',
    });
    expect(await stripeError(stripe.products.search({ query: 'name~"abc"', limit: 101 }))).toMatchObject({
      statusCode: 400,
      param: 'limit',
    });
  });

  it('a query is data, never SQL: quotes, comments and operators in values and keys find nothing and break nothing', async () => {
    const m = await newMerchant();
    await m.stripe.products.create({ name: "O'Brien's", metadata: { "k'; drop table products; --": 'v' } });
    const attempts = [
      `name:"x' OR '1'='1"`,
      `name~"'; drop table products; --"`,
      `metadata["a') or true --"]:"x"`,
      `description:"\\" OR 1=1 --"`,
      `metadata["k'; drop table products; --"]:"v' or 'a'='a"`,
      `name~"%_%"`,
    ];
    for (const query of attempts) {
      const res = await rawRequest(`/v1/products/search?query=${encodeURIComponent(query)}`, { key: m.secretKey });
      expect({ query, status: res.status, data: ((await res.json()) as { data: unknown[] }).data }).toEqual({
        query,
        status: 200,
        data: [],
      });
    }
    expect(names(await m.stripe.products.search({ query: `name:"O'Brien's"` }))).toEqual(["O'Brien's"]);
    expect(names(await m.stripe.products.search({ query: `metadata["k'; drop table products; --"]:"v"` }))).toEqual(["O'Brien's"]);
    expect((await m.stripe.products.list()).data).toHaveLength(1);
  });
});
