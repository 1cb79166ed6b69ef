import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api/errors';
import { AmountTooLargeError } from '@/lib/pricing/amount-limit';
import { withinChargeLimit } from './charge-limit';

const tooLarge = () => {
  throw new AmountTooLargeError('amountTotal', 99_999_999n, { kind: 'line', key: 'li_1' });
};
const paramOf = () => 'line_items[0][quantity]';

describe('withinChargeLimit', () => {
  it("answers a cart over the limit with Stripe's amount_too_large, naming the culprit's parameter", () => {
    let error: unknown;
    try {
      withinChargeLimit('usd', 'total', paramOf, tooLarge);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).toJSON()).toEqual({
      error: {
        type: 'invalid_request_error',
        code: 'amount_too_large',
        doc_url: 'https://docs.stripe.com/error-codes/amount-too-large',
        message: "The Checkout Session's total amount due must be no more than $999,999.99.",
        param: 'line_items[0][quantity]',
      },
    });
  });

  it('maps a rejected promise the same way, and lets every other error and result through', async () => {
    await expect(withinChargeLimit('jpy', 'recurring', paramOf, () => Promise.resolve().then(tooLarge))).rejects.toMatchObject({
      status: 400,
      code: 'amount_too_large',
      message: "The subscription's amount due each period must be no more than ¥99,999,999.",
    });
    const other = new RangeError('bug');
    expect(() =>
      withinChargeLimit('usd', 'total', paramOf, () => {
        throw other;
      }),
    ).toThrow(other);
    await expect(withinChargeLimit('usd', 'total', paramOf, () => Promise.resolve(42))).resolves.toBe(42);
    expect(withinChargeLimit('usd', 'total', paramOf, () => 'ok')).toBe('ok');
  });
});
