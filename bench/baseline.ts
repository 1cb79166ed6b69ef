// The bench's floor: a bare node:http + postgres.js server running the same SQL as Caisse's session create and
// retrieve (captured from Postgres's statement log: key lookup by hash, idempotency claim, one transaction reading
// the account's redirect settings, the price and the product and inserting the session and its line, idempotency
// completion) and the same `select 1` as /healthz, against the same database. No framework, no validation beyond
// what the SQL needs, no encryption of the stored reply: what is left is Postgres and Node. Kept in step with the
// schema by e2e/api/bench-baseline.test.ts.
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import postgres from 'postgres';
import { spawnUrlProcess, type UrlProcess } from './url-process';

export type Baseline = UrlProcess;

/** The baseline in a process of its own (bench/baseline-process.ts), as the bench runs it beside Caisse's server. */
export function spawnBaseline(p: { databaseUrl: string; poolSize: number }): Promise<Baseline> {
  return spawnUrlProcess(path.join(__dirname, 'baseline-process.ts'), {
    BASELINE_DATABASE_URL: p.databaseUrl,
    BASELINE_POOL_SIZE: String(p.poolSize),
  });
}

const id = (prefix: string, length: number) =>
  `${prefix}${randomBytes(length).toString('base64url').replace(/[-_]/g, '0').slice(0, length)}`;

function send(res: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startBaseline(p: { databaseUrl: string; poolSize: number; port?: number }): Promise<Baseline> {
  const sql = postgres(p.databaseUrl, { max: p.poolSize, onnotice: () => {} });

  async function accountOf(req: IncomingMessage): Promise<string | null> {
    const key = (req.headers.authorization ?? '').replace(/^Bearer /, '');
    const hash = createHash('sha256').update(key).digest('hex');
    const rows = await sql<{ account_id: string; kind: string }[]>`
      select account_id, kind from api_keys
       where key_hash = ${hash} and revoked_at is null and (expires_at is null or expires_at > ${new Date().toISOString()}::timestamptz)
       limit 1`;
    const row = rows.at(0);
    return row?.kind === 'secret' ? row.account_id : null;
  }

  async function create(req: IncomingMessage, res: ServerResponse, accountId: string) {
    const form = new URLSearchParams(await readBody(req));
    const priceId = form.get('line_items[0][price]') ?? '';
    const quantity = Number(form.get('line_items[0][quantity]') ?? '1');
    const idempotencyKey = req.headers['idempotency-key'];
    const key = typeof idempotencyKey === 'string' ? idempotencyKey : null;
    if (key) {
      const hash = createHash('sha256').update(form.toString()).digest('hex');
      const claimed = await sql`
        insert into idempotency_keys (account_id, key, request_hash) values (${accountId}, ${key}, ${hash})
        on conflict do nothing returning key`;
      if (!claimed.length) {
        send(res, 409, { error: { type: 'idempotency_error' } });
        return;
      }
    }
    const session = await sql.begin(async (tx) => {
      await tx`
        select accounts.allowed_redirect_domains, custom_domains.hostname from accounts
          left join custom_domains on custom_domains.account_id = accounts.id and custom_domains.verified_at is not null
         where accounts.id = ${accountId} order by custom_domains.verified_at, custom_domains.id limit 1`;
      const prices = await tx<{ id: string; product_id: string; currency: string; unit_amount: string }[]>`
        select * from prices where account_id = ${accountId} and id in ${tx([priceId])}`;
      const price = prices.at(0);
      if (!price) return null;
      const products = await tx<{ name: string }[]>`
        select id, name, description, images, active, tax_code from products where account_id = ${accountId} and id in ${tx([price.product_id])}`;
      const amount = Number(price.unit_amount) * quantity;
      const now = new Date();
      const totals = { breakdown: { taxes: [], discounts: [] }, amount_tax: 0, amount_discount: 0, amount_shipping: 0 };
      const [row] = await tx`
        insert into checkout_sessions (id, account_id, metadata, created_at, expires_at, payment_status, mode, ui_mode, currency,
          amount_subtotal, amount_total, total_details, success_url, submit_type, customer_creation, discounts, shipping_options,
          billing_address_collection, phone_number_collection, tax_id_collection, custom_fields, custom_text, payment_method_types,
          automatic_tax, adaptive_pricing, invoice_creation)
        values (${id('cs_test_', 58)}, ${accountId}, ${sql.json({})}, ${now}, ${new Date(now.getTime() + 86_400_000)}, 'unpaid',
          'payment', 'hosted_page', ${price.currency}, ${amount}, ${amount}, ${sql.json(totals)}, ${form.get('success_url')}, 'auto',
          'if_required', ${sql.json([])}, ${sql.json([])}, 'auto', ${sql.json({ enabled: false })},
          ${sql.json({ enabled: false, required: 'never' })}, ${sql.json([])},
          ${sql.json({ submit: null, after_submit: null, shipping_address: null, terms_of_service_acceptance: null })},
          ${sql.json(['card'])}, ${sql.json({ enabled: false })}, ${sql.json({ enabled: false })},
          ${sql.json({ enabled: false, invoice_data: null })})
        returning *`;
      await tx`
        insert into checkout_line_items (id, session_id, account_id, position, optional, selected, price_id, product_id, quantity,
          adjustable_quantity, tax_rate_ids, description, metadata, amount_subtotal, amount_discount, amount_tax, amount_total,
          discounts, taxes)
        values (${id('li_', 24)}, ${row.id as string}, ${accountId}, 0, false, true, ${price.id}, ${price.product_id}, ${quantity},
          null, ${sql.json([])}, ${products.at(0)?.name ?? null}, ${sql.json({})}, ${amount}, 0, 0, ${amount}, ${sql.json([])}, ${sql.json([])})`;
      return row;
    });
    if (!session) {
      send(res, 400, { error: { type: 'invalid_request_error', param: 'line_items[0][price]' } });
      return;
    }
    const body = { ...session, object: 'checkout.session' };
    if (key)
      await sql`
        update idempotency_keys set state = 'complete', response_status = 200, response_body = ${JSON.stringify(body)}
         where account_id = ${accountId} and key = ${key}`;
    send(res, 200, body);
  }

  async function retrieve(res: ServerResponse, accountId: string, sessionId: string) {
    const session = (await sql`select * from checkout_sessions where account_id = ${accountId} and id = ${sessionId} limit 1`).at(0);
    if (!session) {
      send(res, 404, { error: { type: 'invalid_request_error', code: 'resource_missing' } });
      return;
    }
    await sql`
      select accounts.allowed_redirect_domains, custom_domains.hostname from accounts
        left join custom_domains on custom_domains.account_id = accounts.id and custom_domains.verified_at is not null
       where accounts.id = ${accountId} order by custom_domains.verified_at, custom_domains.id limit 1`;
    send(res, 200, { ...session, object: 'checkout.session' });
  }

  async function route(req: IncomingMessage, res: ServerResponse) {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path === '/healthz') {
      await sql`select 1`;
      send(res, 200, { status: 'ok' });
      return;
    }
    const accountId = await accountOf(req);
    const m = /^\/v1\/checkout\/sessions\/([A-Za-z0-9_]+)$/.exec(path);
    if (!accountId) send(res, 401, { error: { type: 'invalid_request_error' } });
    else if (req.method === 'POST' && path === '/v1/checkout/sessions') await create(req, res, accountId);
    else if (req.method === 'GET' && m) await retrieve(res, accountId, m[1]);
    else send(res, 404, { error: { type: 'invalid_request_error' } });
  }

  const server = createServer((req, res) => {
    route(req, res).catch((err: unknown) => {
      send(res, 500, { error: { type: 'api_error', message: err instanceof Error ? err.message : String(err) } });
    });
  });
  await new Promise<void>((resolve) => server.listen(p.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      );
      await sql.end({ timeout: 1 });
    },
  };
}
