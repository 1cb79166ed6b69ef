import { describe, expect, it } from 'vitest';
import { createPriceSchema } from './prices';
import { createPriceParams, createProductParams, priceFormSchema, productFormSchema, updateProductParams } from './dashboard-products';
import { createProductSchema, updateProductSchema } from './products';

describe('dashboard product and price forms → the API parameters', () => {
  it('an edit with the description emptied passes the API schema and clears it', () => {
    const v = productFormSchema.parse({ name: ' Mug ', description: '', images: [] });
    expect(updateProductSchema.parse(updateProductParams(v))).toMatchObject({ name: 'Mug', description: null, images: [] });
    expect(createProductSchema.parse(createProductParams(v))).toEqual({ name: 'Mug' });
  });

  it('amounts typed in major units become integer minor units, per currency', () => {
    const base = { type: 'one_time', interval: 'month', intervalCount: '1', nickname: '' } as const;
    expect(
      createPriceSchema.parse(createPriceParams('prod_1', priceFormSchema.parse({ ...base, currency: 'EUR', amount: '24,5' }))),
    ).toMatchObject({ currency: 'eur', unit_amount: 2450 });
    expect(createPriceParams('prod_1', priceFormSchema.parse({ ...base, currency: 'jpy', amount: '500' })).unit_amount).toBe(500);
    expect(priceFormSchema.safeParse({ ...base, currency: 'jpy', amount: '5.5' }).error?.issues[0].message).toBe('amount_invalid');
    const monthly = createPriceParams(
      'prod_1',
      priceFormSchema.parse({ ...base, type: 'recurring', currency: 'usd', amount: '9', intervalCount: '3' }),
    );
    expect(createPriceSchema.parse(monthly).recurring).toEqual({ interval: 'month', interval_count: 3 });
  });
});
