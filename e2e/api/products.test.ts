import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newMerchant, stripeError } from '../support/merchant';

describe('products through the official SDK', () => {
  it('creates, retrieves, updates, lists and deletes a product', async () => {
    const { stripe } = await newMerchant();
    const created = await stripe.products.create({
      name: 'T-shirt',
      description: 'Organic cotton',
      metadata: { sku: 'TS-1' },
      images: ['https://example.com/ts.png'],
    });
    expect(created).toMatchObject({ object: 'product', name: 'T-shirt', active: true, livemode: false, metadata: { sku: 'TS-1' } });
    expect(created.id).toMatch(/^prod_[A-Za-z0-9]{24}$/);

    const fetched = await stripe.products.retrieve(created.id);
    expect(fetched).toEqual(created);

    const updated = await stripe.products.update(created.id, { name: 'Tee', metadata: { sku: '', color: 'blue' }, description: '' });
    expect(updated).toMatchObject({ name: 'Tee', metadata: { color: 'blue' }, description: null });

    const second = await stripe.products.create({ name: 'Mug', active: false });
    const page = await stripe.products.list({ limit: 1 });
    expect(page.data.map((p) => p.id)).toEqual([second.id]);
    expect(page.has_more).toBe(true);
    const next = await stripe.products.list({ limit: 1, starting_after: second.id });
    expect(next.data.map((p) => p.id)).toEqual([created.id]);
    expect(next.has_more).toBe(false);
    const back = await stripe.products.list({ ending_before: created.id });
    expect(back.data.map((p) => p.id)).toEqual([second.id]);
    expect((await stripe.products.list({ active: false })).data.map((p) => p.id)).toEqual([second.id]);

    const deleted = await stripe.products.del(second.id);
    expect(deleted).toEqual({ id: second.id, object: 'product', deleted: true });
    expect((await stripeError(stripe.products.retrieve(second.id))).statusCode).toBe(404);
  });

  it('accepts a product id chosen by the merchant once', async () => {
    const { stripe } = await newMerchant();
    await stripe.products.create({ id: 'gold-plan', name: 'Gold' });
    const err = await stripeError(stripe.products.create({ id: 'gold-plan', name: 'Gold again' }));
    expect(err.code).toBe('resource_already_exists');
  });

  it('an unknown expand path on create → 400 before anything is written', async () => {
    const { stripe } = await newMerchant();
    const err = await stripeError(stripe.products.create({ name: 'Ghost', expand: ['nothing'] }));
    expect(err).toMatchObject({ statusCode: 400, param: 'expand', message: 'This property cannot be expanded (nothing).' });
    expect((await stripe.products.list()).data).toEqual([]);
  });

  it("hides one merchant's products from another", async () => {
    const a = await newMerchant();
    const b = await newMerchant();
    const product = await a.stripe.products.create({ name: 'Private' });
    const err = await stripeError(b.stripe.products.retrieve(product.id));
    expect(err).toMatchObject({ statusCode: 404, code: 'resource_missing', param: 'id' });
    expect((await stripeError(b.stripe.products.update(product.id, { name: 'x' }))).statusCode).toBe(404);
    expect((await b.stripe.products.list()).data).toEqual([]);
  });

  it('product ids are per account: two merchants use the same custom id, each sees only its own, down to sessions and line items', async () => {
    const id = `prod_shared_${randomBytes(6).toString('hex')}`;
    const shops = [await newMerchant('Shop A'), await newMerchant('Shop B')];
    const made = [];
    for (const [i, { stripe }] of shops.entries()) {
      const product = await stripe.products.create({ id, name: `Mug of shop ${i}`, metadata: { shop: String(i) } });
      const price = await stripe.prices.create({ product: id, unit_amount: 1000 + i, currency: 'eur' });
      made.push({ product, price });
    }
    for (const [i, { stripe }] of shops.entries()) {
      expect(await stripe.products.retrieve(id)).toMatchObject({ id, name: `Mug of shop ${i}`, metadata: { shop: String(i) } });
      expect((await stripe.products.list()).data.map((p) => p.name)).toEqual([`Mug of shop ${i}`]);
      expect((await stripe.prices.list({ product: id })).data.map((p) => p.id)).toEqual([made[i].price.id]);
      const price = await stripe.prices.retrieve(made[i].price.id, { expand: ['product'] });
      expect(price.product).toMatchObject({ id, name: `Mug of shop ${i}` });

      const session = await stripe.checkout.sessions.create({
        mode: 'payment',
        line_items: [{ price: made[i].price.id, quantity: 2 }],
        success_url: 'https://example.com/done',
      });
      expect(session.amount_total).toBe(2 * (1000 + i));
      const lines = await stripe.checkout.sessions.listLineItems(session.id, { expand: ['data.price.product'] });
      expect(lines.data).toHaveLength(1);
      expect(lines.data[0]).toMatchObject({
        description: `Mug of shop ${i}`,
        price: { id: made[i].price.id, product: { id, name: `Mug of shop ${i}` } },
      });
    }
    // Updating one account's product leaves the other's as it was.
    const other = await shops[1].stripe.products.update(id, { name: 'Renamed in shop 1' });
    expect(other.name).toBe('Renamed in shop 1');
    expect((await shops[0].stripe.products.retrieve(id)).name).toBe('Mug of shop 0');
  });
});
