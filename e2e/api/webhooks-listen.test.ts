import { randomBytes } from 'node:crypto';
import Stripe from 'stripe';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startListen, type Listener } from '@/lib/webhooks/listen';
import { newMerchant, testServerUrl } from '../support/merchant';
import { startReceiver, type Receiver } from './webhook-fixtures';
import { defined } from '../support/defined';

/** The event a hit delivered: its type and the id of its object. */
const eventOf = (hit: { body: string }) => JSON.parse(hit.body) as { type: string; data: { object: { id: string } } };

// The listen loop runs in this process against the API server of the suite,
// exactly as `npm run webhooks:listen` runs it: only the merchant's secret
// key and HTTP, no database. Absence is asserted after a *later* event has
// arrived: the listener forwards in order, so anything it would have sent
// earlier would already be there.
let receiver: Receiver;
const listeners: Listener[] = [];
const verifier = new Stripe('sk_test_unused');

beforeAll(async () => {
  receiver = await startReceiver();
});
afterEach(async () => {
  await Promise.all(listeners.splice(0).map((l) => l.stop()));
});
afterAll(() => receiver.close());

/** The line is printed once the receiver has answered, just after its hit is recorded: poll for it. */
async function lineFor(lines: string[], needle: string, ms = 10_000): Promise<string> {
  const deadline = Date.now() + ms;
  for (;;) {
    const found = lines.find((line) => line.includes(needle));
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no line with ${needle}:\n${lines.join('\n')}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function listen(secretKey: string, opts: { events?: string[]; status?: (nth: number) => number } = {}) {
  const lines: string[] = [];
  const path = `/listen/${randomBytes(6).toString('hex')}`;
  const listener = await startListen({
    apiBase: testServerUrl(),
    apiKey: secretKey,
    forwardTo: receiver.url(path),
    events: opts.events,
    pollMs: 100,
    log: (line) => lines.push(line),
  });
  listeners.push(listener);
  // The secret a developer copies from the terminal, not the one the API returned.
  const printed = lines.map((l) => /^Ready! Your webhook signing secret is (whsec_\w+)$/.exec(l)?.[1]).find(Boolean);
  if (!printed) throw new Error(`no secret printed: ${lines.join('\n')}`);
  receiver.route(path, printed, (nth) => ({ status: opts.status?.(nth) ?? 200 }));
  const hits = () => receiver.hits.filter((h) => h.path === path);
  return { listener, lines, path, printed, hits, until: (ready: () => boolean) => receiver.until(ready) };
}

describe('npm run webhooks:listen', () => {
  it('a merchant listens and creates a product → the local receiver gets product.created, verifiable with the printed secret; older events are not replayed', async () => {
    const { stripe, secretKey } = await newMerchant('Listen Shop');
    const before = await stripe.products.create({ name: 'Before listening' });
    const l = await listen(secretKey);
    expect(l.printed).toBe(l.listener.secret);
    expect(l.printed).toMatch(/^whsec_[A-Za-z0-9]{32}$/);

    const product = await stripe.products.create({ name: 'While listening' });
    const [created] = (await stripe.events.list({ type: 'product.created', limit: 1 })).data;
    expect(created.data.object).toMatchObject({ id: product.id });
    await l.until(() => l.hits().some((h) => h.eventId === created.id));

    const hit = defined(
      l.hits().find((h) => h.eventId === created.id),
      `a hit for ${created.id}`,
    );
    const event = verifier.webhooks.constructEvent(hit.body, String(hit.headers['stripe-signature']), l.printed);
    expect(event).toMatchObject({ id: created.id, type: 'product.created', data: { object: { id: product.id, name: 'While listening' } } });
    expect(hit.stripeOk && hit.standardOk).toBe(true);
    expect(hit.headers['webhook-id']).toBe(created.id);
    // A signature with any other secret is refused, so the check above means something.
    expect(() =>
      verifier.webhooks.constructEvent(hit.body, String(hit.headers['stripe-signature']), 'whsec_someoneElsesSecret000000000'),
    ).toThrow();

    const forwardedObjects = l.hits().map((h) => eventOf(h).data.object.id);
    expect(forwardedObjects).not.toContain(before.id);
    expect(l.hits().filter((h) => h.eventId === created.id)).toHaveLength(1);
    expect(await lineFor(l.lines, `product.created [${created.id}]`)).toMatch(new RegExp(`--> 200 POST ${receiver.url(l.path)}$`));
  });

  it("a merchant listens while another merchant is busy → only the listening merchant's events arrive", async () => {
    const mine = await newMerchant('Mine');
    const theirs = await newMerchant('Theirs');
    const l = await listen(mine.secretKey);
    const theirProduct = await theirs.stripe.products.create({ name: 'Not yours' });
    const myProduct = await mine.stripe.products.create({ name: 'Yours' });
    await l.until(() => l.hits().some((h) => eventOf(h).data.object.id === myProduct.id));

    const theirEvents = (await theirs.stripe.events.list({ limit: 100 })).data.map((e) => e.id);
    expect(theirEvents.length).toBeGreaterThan(0);
    expect(
      l
        .hits()
        .map((h) => h.eventId)
        .filter((id) => id !== null && theirEvents.includes(id)),
    ).toEqual([]);
    expect(l.hits().map((h) => eventOf(h).data.object.id)).not.toContain(theirProduct.id);
  });

  it('a merchant listens for price.* → prices arrive, products do not', async () => {
    const { stripe, secretKey } = await newMerchant('Filter Shop');
    const l = await listen(secretKey, { events: ['price.*'] });
    const product = await stripe.products.create({ name: 'Mug' });
    const price = await stripe.prices.create({ product: product.id, unit_amount: 1200, currency: 'eur' });
    await l.until(() => l.hits().some((h) => eventOf(h).data.object.id === price.id));
    expect(l.hits().map((h) => eventOf(h).type)).toEqual(['price.created']);
  });

  it('the local app answers 500 → the line shows 500 and later events are still forwarded', async () => {
    const { stripe, secretKey } = await newMerchant('Failing App');
    const l = await listen(secretKey, { status: (nth) => (nth === 1 ? 500 : 204) });
    const first = await stripe.products.create({ name: 'First' });
    await l.until(() => l.hits().length >= 1);
    const second = await stripe.products.create({ name: 'Second' });
    await l.until(() => l.hits().some((h) => eventOf(h).data.object.id === second.id));
    expect(l.hits().map((h) => eventOf(h).data.object.id)).toEqual([first.id, second.id]);
    const [e1, e2] = l.hits().map((h) => defined(h.eventId, 'the event id of a hit'));
    expect(await lineFor(l.lines, `[${e1}]`)).toContain('--> 500');
    expect(await lineFor(l.lines, `[${e2}]`)).toContain('--> 204');
  });

  it('a developer passes a wrong key → listening fails with the API message, no secret is printed', async () => {
    const lines: string[] = [];
    const attempt = startListen({
      apiBase: testServerUrl(),
      apiKey: 'sk_test_notARealKey000000000000',
      forwardTo: receiver.url('/never'),
      log: (l) => lines.push(l),
    });
    await expect(attempt).rejects.toThrow(/GET \/v1\/events answered 401/);
    expect(lines).toEqual([]);
  });
});
