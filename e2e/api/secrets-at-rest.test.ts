import { createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oneTimePrice } from '../support/catalog';
import { newMerchantOn, type Merchant } from '../support/merchant';
import { startTestServer, type TestServer } from '../support/test-server';
import { postPayForm } from './pay-without-javascript';
import { defined } from '../support/defined';

// Finding 4: from a database dump alone, a card number could be recovered from its fingerprint, because
// the fingerprint key sat in the database. The keys now live in a key file outside it: this test makes
// a real installation (key file, server, payments by card and SEPA, a webhook endpoint), dumps every row
// of every table, and checks that nothing in the dump is a key that reproduces a fingerprint.

const CARD = '4242424242424242';
const SAVED_CARD = '5555555555554444';
/** What Caisse keeps of a card (StoredCard): Stripe's card fields, never its number or CVC. */
const CARD_FIELDS = ['brand', 'country', 'exp_month', 'exp_year', 'fingerprint', 'funding', 'last4', 'three_d_secure'];
const IBAN = 'DE89370400440532013000';
const keyFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'caisse-key-')), 'secret.key');

let server: TestServer;
let merchant: Merchant;
let webhookSecret = '';
let dump = '';

/** Every row of every table, as text: what `pg_dump --data-only` would hold. */
async function dumpRows(query: (sql: string) => Promise<{ [k: string]: unknown }[]>): Promise<string> {
  const tables = await query(
    `select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
  );
  const parts: string[] = [];
  for (const { table_name } of tables)
    for (const row of await query(`select row_to_json(t)::text as j from "${String(table_name)}" t`)) parts.push(String(row.j));
  return parts.join('\n');
}

beforeAll(async () => {
  server = await startTestServer({ CAISSE_SECRET_KEY_FILE: keyFile });
  merchant = await newMerchantOn(server, 'Key Shop');
  webhookSecret = defined(
    (await merchant.stripe.webhookEndpoints.create({ url: 'https://shop.example/hooks', enabled_events: ['*'] })).secret,
    "the new endpoint's secret",
  );
  const price = await oneTimePrice(merchant.stripe, 2500, 'eur');
  const card = await merchant.stripe.checkout.sessions.create({
    mode: 'payment',
    line_items: [{ price: price.id, quantity: 1 }],
    success_url: 'https://shop.example/ok',
  });
  // Paid with "save my details with Caisse Pass" ticked: the Pass keeps the card too.
  expect(
    (await postPayForm(defined(card.url, 'card.url'), { extra: { pass_opt_in: 'true', pass_phone: '+33 6 12 34 56 78' } })).status,
  ).toBe(303);
  // payment_method_types: still accepted by the API, gone from the SDK's create params.
  const sepa = await merchant.stripe.checkout.sessions.create({
    mode: 'payment',
    line_items: [{ price: price.id, quantity: 1 }],
    success_url: 'https://shop.example/ok',
    ...({ payment_method_types: ['card', 'sepa_debit'] } as object),
  });
  expect((await postPayForm(defined(sepa.url, 'sepa.url'), { sepaIban: IBAN })).status).toBe(303);
  // A card saved for later and charged again off-session, and one of Stripe's test methods attached.
  const customer = await merchant.stripe.customers.create({ email: 'jenny@example.com', payment_method: 'pm_card_amex' });
  const saving = await merchant.stripe.checkout.sessions.create({
    mode: 'payment',
    customer: customer.id,
    line_items: [{ price: price.id, quantity: 1 }],
    payment_intent_data: { setup_future_usage: 'off_session' },
    success_url: 'https://shop.example/ok',
  });
  expect((await postPayForm(defined(saving.url, 'saving.url'), { card: SAVED_CARD })).status).toBe(303);
  const saved = (await merchant.stripe.customers.listPaymentMethods(customer.id)).data.find((m) => m.card?.last4 === '4444');
  const later = await merchant.stripe.paymentIntents.create({
    amount: 900,
    currency: 'eur',
    customer: customer.id,
    payment_method: defined(saved, 'the saved card').id,
    off_session: true,
    confirm: true,
  });
  expect(later.status).toBe('succeeded');
  await server.kill('SIGTERM');
  if (server.databaseUrl) {
    const sql = postgres(server.databaseUrl, { max: 1, onnotice: () => {} });
    dump = await dumpRows((q) => sql.unsafe(q));
    await sql.end();
  } else {
    const db = await PGlite.create(defined(server.pgliteDir, 'server.pgliteDir'));
    dump = await dumpRows(async (q) => (await db.query<{ [k: string]: unknown }>(q)).rows);
    await db.close();
  }
}, 240_000);
// Unset if beforeAll failed before starting it.
afterAll(() => (server as TestServer | undefined)?.stop());

const fingerprint = (input: string, key: string) => createHmac('sha256', key).update(input).digest('base64url').slice(0, 16);
const stored = (field: 'card' | 'sepa_debit') =>
  [...dump.matchAll(new RegExp(`"${field}": ?\\{[^}]*"fingerprint": ?"([A-Za-z0-9_-]{16})"`, 'g'))].map((m) => m[1]);
/** Every run of key-like characters in the dump: each is tried as an HMAC key. */
const candidates = () => [...new Set(dump.match(/[A-Za-z0-9_+/=-]{16,}/g) ?? [])];

describe('a database dump plus the source code', () => {
  it('holds the fingerprints (the test reads what it should)', () => {
    expect(stored('card').length).toBeGreaterThan(0);
    expect(stored('sepa_debit').length).toBeGreaterThan(0);
  });

  it('finding 4: holds no key that turns the card number, or the IBAN, into its stored fingerprint', () => {
    const cardPrints = new Set(stored('card'));
    const sepaPrints = new Set(stored('sepa_debit'));
    for (const key of candidates()) {
      expect(cardPrints.has(fingerprint(CARD, key)), `the dump holds the card fingerprint key: ${key.slice(0, 6)}…`).toBe(false);
      expect(sepaPrints.has(fingerprint(`sepa:${IBAN}`, key)), 'the dump holds the SEPA fingerprint key').toBe(false);
    }
  });

  it('the key file outside it does (so the check above could see a key if the dump had one)', () => {
    const master = Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'base64url');
    const key = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'caisse:card-fingerprint', 32)).toString('base64url');
    expect(stored('card')).toContain(fingerprint(CARD, key));
    expect(dump).not.toContain(readFileSync(keyFile, 'utf8').trim());
    expect(dump).not.toContain(master.toString('hex'));
    expect(dump).not.toContain(key);
  });

  it('holds no card number, and of each card only its brand, last four, expiry, fingerprint and what Stripe shows of it', () => {
    for (const number of [CARD, SAVED_CARD, '378282246310005'])
      for (const written of [number, number.replace(/(\d{4})(?=\d)/g, '$1 ')]) expect(dump).not.toContain(written);
    // The stored card columns (intents, charges, payment methods): flat objects with a last4; an event's
    // payment_method_options.card is another thing.
    const cards = [...dump.matchAll(/"card": ?(\{[^{}]*\})/g)]
      .map((m) => JSON.parse(m[1]) as Record<string, unknown>)
      .filter((c) => 'last4' in c);
    // Intents, charges and payment methods of the three cards, and the Caisse Pass made with the first, at least.
    expect(cards.length).toBeGreaterThanOrEqual(7);
    expect(dump).toMatch(/\{"id":"pass_[A-Za-z0-9]+","email":"jenny@example\.com"/);
    for (const card of cards) expect(Object.keys(card).filter((k) => !CARD_FIELDS.includes(k))).toEqual([]);
    expect(new Set(cards.map((c) => c.last4))).toEqual(new Set(['4242', '4444', '0005']));
  });

  it('holds no webhook signing secret in clear', () => {
    expect(webhookSecret).toMatch(/^whsec_/);
    expect(dump).not.toContain(webhookSecret);
    expect(dump).not.toContain(webhookSecret.slice('whsec_'.length));
  });

  it('does not reveal a random key either (the search is not vacuous)', () => {
    const planted = randomBytes(32).toString('base64url');
    expect(candidates()).not.toContain(planted);
    expect(candidates().length).toBeGreaterThan(10);
  });
});
