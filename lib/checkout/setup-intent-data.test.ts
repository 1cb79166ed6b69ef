import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api/errors';
import { parseParams } from '@/lib/api/parse-params';
import { createCheckoutSessionSchema } from '@/lib/validation/checkout-sessions';
import { checkCreateRules } from './session-rules';

const NOW = 1_800_000_000;
const setup = { mode: 'setup', currency: 'eur', success_url: 'https://shop.example/ok' };
const payment = { mode: 'payment', line_items: [{ price: 'price_1', quantity: '1' }], success_url: 'https://shop.example/ok' };

function refusal(input: Record<string, unknown>): ApiError {
  try {
    checkCreateRules(parseParams(createCheckoutSessionSchema, input), NOW);
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('setup_intent_data on a new Checkout Session', () => {
  it('is taken in setup mode: description and metadata', () => {
    const p = parseParams(createCheckoutSessionSchema, {
      ...setup,
      setup_intent_data: { description: 'Card for renewals', metadata: { plan: 'gold' } },
    });
    expect(() => {
      checkCreateRules(p, NOW);
    }).not.toThrow();
    expect(p.setup_intent_data).toEqual({ description: 'Card for renewals', metadata: { plan: 'gold' } });
  });

  it.each([
    ['payment', payment],
    ['subscription', { ...payment, mode: 'subscription' }],
  ])('is refused in %s mode, on its own parameter', (_, params) => {
    expect(refusal({ ...params, setup_intent_data: { description: 'x' } })).toMatchObject({
      status: 400,
      type: 'invalid_request_error',
      param: 'setup_intent_data',
      message: 'setup_intent_data can only be used in setup mode.',
    });
  });

  it('refuses on_behalf_of, a Connect parameter, and anything Stripe does not have', () => {
    expect(refusal({ ...setup, setup_intent_data: { on_behalf_of: 'acct_1' } })).toMatchObject({
      status: 400,
      code: 'parameter_unknown',
      param: 'setup_intent_data[on_behalf_of]',
    });
    expect(refusal({ ...setup, setup_intent_data: { usage: 'on_session' } })).toMatchObject({ status: 400, code: 'parameter_unknown' });
    expect(refusal({ ...setup, setup_intent_data: { description: 'x'.repeat(1001) } })).toMatchObject({
      status: 400,
      param: 'setup_intent_data[description]',
    });
  });
});
