import { describe, expect, it } from 'vitest';
import { createCheckoutSessionSchema } from './checkout-sessions';
import { createCouponSchema } from './coupons';
import { checkoutSessionFormSchema, checkoutSessionParams } from './dashboard-checkout-session';
import { couponFormSchema, createCouponParams, createPromotionCodeParams, promotionCodeFormSchema } from './dashboard-coupons';
import { createShippingRateParams, createTaxRateParams, shippingRateFormSchema, taxRateFormSchema } from './dashboard-rates';
import { createPromotionCodeSchema } from './promotion-codes';
import { createShippingRateSchema } from './shipping-rates';
import { createTaxRateSchema } from './tax-rates';

const couponBase = {
  name: '',
  kind: 'percent',
  percentOff: '',
  amountOff: '',
  currency: 'usd',
  duration: 'once',
  durationInMonths: '',
  maxRedemptions: '',
  redeemBy: '',
} as const;

describe('dashboard catalog forms → parameters the API schemas accept', () => {
  it('coupons: percent or amount off, repeating months, limits', () => {
    const pct = createCouponSchema.parse(
      createCouponParams(couponFormSchema.parse({ ...couponBase, name: 'Spring', percentOff: '12,5', redeemBy: '2099-06-30' })),
    );
    expect(pct).toMatchObject({
      name: 'Spring',
      percent_off: '12.5',
      duration: 'once',
      redeem_by: Date.UTC(2099, 5, 30, 23, 59, 59) / 1000,
    });
    const amt = createCouponSchema.parse(
      createCouponParams(
        couponFormSchema.parse({
          ...couponBase,
          kind: 'amount',
          amountOff: '5',
          currency: 'EUR',
          duration: 'repeating',
          durationInMonths: '3',
          maxRedemptions: '10',
        }),
      ),
    );
    expect(amt).toMatchObject({ amount_off: 500, currency: 'eur', duration: 'repeating', duration_in_months: 3, max_redemptions: 10 });
    expect(couponFormSchema.safeParse({ ...couponBase, percentOff: '150' }).error?.issues[0].message).toBe('percent_invalid');
  });

  it('promotion codes name their coupon the current way', () => {
    const v = promotionCodeFormSchema.parse({ code: 'SPRING20', maxRedemptions: '', expiresAt: '', firstTimeTransaction: true });
    expect(createPromotionCodeSchema.parse(createPromotionCodeParams('co_1', v))).toMatchObject({
      promotion: { type: 'coupon', coupon: 'co_1' },
      code: 'SPRING20',
      restrictions: { first_time_transaction: true },
    });
    expect(
      promotionCodeFormSchema.safeParse({ code: 'no spaces', maxRedemptions: '', expiresAt: '', firstTimeTransaction: false }).success,
    ).toBe(false);
  });

  it('shipping and tax rates', () => {
    const ship = shippingRateFormSchema.parse({
      displayName: 'Express',
      amount: '7.5',
      currency: 'eur',
      minValue: '1',
      minUnit: 'business_day',
      maxValue: '',
      maxUnit: 'day',
    });
    expect(createShippingRateSchema.parse(createShippingRateParams(ship))).toMatchObject({
      fixed_amount: { amount: 750, currency: 'eur' },
      delivery_estimate: { minimum: { unit: 'business_day', value: 1 } },
    });
    const tax = taxRateFormSchema.parse({ displayName: 'TVA', percentage: '20', inclusive: true, country: 'fr', jurisdiction: '' });
    expect(createTaxRateSchema.parse(createTaxRateParams(tax))).toMatchObject({
      display_name: 'TVA',
      percentage: '20',
      inclusive: true,
      country: 'FR',
    });
  });

  it('the checkout session form, with only the chosen prices', () => {
    const v = checkoutSessionFormSchema.parse({
      items: [
        { price: 'price_a', selected: true, quantity: '2' },
        { price: 'price_b', selected: false, quantity: '1' },
      ],
      successUrl: 'https://shop.example/ok?session_id={CHECKOUT_SESSION_ID}',
      cancelUrl: '',
      customerEmail: 'jenny@example.com',
      allowPromotionCodes: true,
      collectShipping: true,
      countries: 'us, fr',
      shippingRate: 'shr_1',
      taxRate: '',
    });
    expect(createCheckoutSessionSchema.parse(checkoutSessionParams(v, 'payment'))).toMatchObject({
      mode: 'payment',
      line_items: [{ price: 'price_a', quantity: 2 }],
      customer_email: 'jenny@example.com',
      allow_promotion_codes: true,
      shipping_address_collection: { allowed_countries: ['US', 'FR'] },
      shipping_options: [{ shipping_rate: 'shr_1' }],
    });
    const none = checkoutSessionFormSchema.safeParse({ ...v, items: [{ price: 'price_a', selected: false, quantity: '1' }] });
    expect(none.error?.issues[0].message).toBe('items_required');
  });
});
