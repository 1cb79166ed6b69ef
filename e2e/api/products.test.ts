import { describe, expect, it } from 'vitest';
import { newMerchant, stripeError } from '../support/merchant';

describe('products through the official SDK', () => {
  it('creates, retrieves, updates, lists and deletes a product', async () => {
    const { stripe } = await newMerchant();
    const created = await stripe.products.create({ name: 'T-shirt', description: 'Organic cotton', metadata: { sku: 'TS-1' }, images: ['https://example.com/ts.png'] });
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
});
