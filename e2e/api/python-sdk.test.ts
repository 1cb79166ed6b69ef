import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { newMerchant, testServerUrl } from '../support/merchant';
import { defined } from '../support/defined';

// Debian's python3-stripe (5.0), as .ci/run installs it. No skip: without it this test fails.
const PYTHON = '/usr/bin/python3';

const SCRIPT = String.raw`
import json, os, stripe
stripe.api_key = os.environ["CAISSE_API_KEY"]
stripe.api_base = os.environ["CAISSE_URL"]
stripe.max_network_retries = 0

price = stripe.Price.create(product_data={"name": "Python tee"}, unit_amount=1200, currency="eur")
product = stripe.Product.modify(price.product, shippable=False, active=True)
session = stripe.checkout.Session.create(
    mode="payment",
    success_url="https://shop.example/ok?session_id={CHECKOUT_SESSION_ID}",
    line_items=[{"price": price.id, "quantity": 2, "adjustable_quantity": {"enabled": True, "minimum": 1, "maximum": 5}}],
    phone_number_collection={"enabled": False},
)
read = stripe.checkout.Session.retrieve(session.id)
items = stripe.checkout.Session.list_line_items(session.id)
found = stripe.Product.search(query='name:"python tee" AND shippable:"false"')
print(json.dumps({
    "version": stripe.version.VERSION,
    "session": {"id": read.id, "status": read.status, "amount_total": read.amount_total, "phone": read.phone_number_collection.enabled},
    "items": [{"quantity": i.quantity, "adjustable_quantity": i.adjustable_quantity.to_dict()} for i in items.data],
    "shippable": product.shippable,
    "found": [p.id for p in found.data],
    "product": price.product,
}))
`;

describe("Stripe's Python library (Debian's python3-stripe)", () => {
  it('creates a session with an adjustable quantity (booleans sent as True/False) and reads it back', async () => {
    const m = await newMerchant();
    const run = spawnSync(PYTHON, ['-c', SCRIPT], {
      env: { ...process.env, CAISSE_API_KEY: m.secretKey, CAISSE_URL: testServerUrl() },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.error, `${PYTHON} could not run`).toBeUndefined();
    expect(run.status, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as { version: string; product: unknown; session: { id: string } };
    expect(out.version).toMatch(/^5\./);
    expect(out).toMatchObject({
      session: { status: 'open', amount_total: 2400, phone: false },
      items: [{ quantity: 2, adjustable_quantity: { enabled: true, minimum: 1, maximum: 5 } }],
      shippable: false,
      found: [out.product],
    });
    // The Node SDK sees the same session in the same account.
    const session = await m.stripe.checkout.sessions.retrieve(out.session.id, { expand: ['line_items'] });
    expect(defined(session.line_items, 'session.line_items').data[0].adjustable_quantity).toEqual({
      enabled: true,
      minimum: 1,
      maximum: 5,
    });
  });
});
