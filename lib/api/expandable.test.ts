import { describe, expect, it } from 'vitest';
import { ApiError } from './errors';
import { checkExpand, expandRegistry, expandYields } from './expandable';

describe('expand[] paths are checked before a write', () => {
  it('accepts every registered field, nested steps and list items', () => {
    expect(() => {
      checkExpand('checkout.session', [
        'customer',
        'line_items',
        'line_items.data.price.product',
        'total_details.breakdown',
        'discounts.promotion_code.promotion.coupon',
      ]);
    }).not.toThrow();
    expect(() => {
      checkExpand('price', ['product', 'product.default_price.product']);
    }).not.toThrow();
  });

  it("follows a paid session's payment to its charge and payment method (the stripe-samples fulfilment retrieve)", () => {
    expect(() => {
      checkExpand('checkout.session', ['payment_intent.latest_charge', 'line_items', 'payment_intent.payment_method.customer']);
      checkExpand('charge', ['customer', 'payment_intent.latest_charge']);
    }).not.toThrow();
    expect(() => {
      checkExpand('checkout.session', ['payment_intent.latest_charge.nope']);
    }).toThrow(ApiError);
  });

  it("follows a setup session's SetupIntent to its payment method and customer", () => {
    expect(() => {
      checkExpand('checkout.session', ['setup_intent', 'setup_intent.payment_method.customer', 'setup_intent.customer']);
      checkExpand('setup_intent', ['customer', 'payment_method']);
    }).not.toThrow();
    expect(() => {
      checkExpand('setup_intent', ['latest_attempt']);
    }).toThrow(ApiError);
  });

  it.each([
    ['checkout.session', 'nothing'],
    ['checkout.session', 'line_items.price'],
    ['checkout.session', 'total_details.breakdown.taxes'],
    ['product', 'default_price.nope'],
    ['customer', 'customer'],
  ])('refuses %s → %s', (type, path) => {
    expect(() => {
      checkExpand(type, [path]);
    }).toThrow(ApiError);
  });

  it('knows what every loader in the registry yields', () => {
    for (const [type, fields] of Object.entries(expandRegistry))
      for (const field of Object.keys(fields)) expect(expandYields[type], `${type}.${field}`).toHaveProperty([field]);
  });
});
