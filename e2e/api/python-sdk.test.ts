import { describe, expect, it } from 'vitest';
import { defined } from '../support/defined';
import { newMerchant } from '../support/merchant';
import { runPython } from './python-stripe';

const SCRIPT = String.raw`
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
    const out = (await runPython(m, SCRIPT)) as { version: string; product: unknown; session: { id: string } };
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
