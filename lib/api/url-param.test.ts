import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiError } from './errors';
import { url } from './params';
import { parseParams } from './parse-params';

const schema = z.strictObject({ success_url: url().optional(), images: z.array(url()).optional() });

function refusal(input: unknown) {
  try {
    parseParams(schema, input);
  } catch (err) {
    if (err instanceof ApiError) return err.toJSON().error;
    throw err;
  }
  throw new Error('accepted');
}

describe('url() parameters', () => {
  it.each([
    'https://shop.example/ok\r\nSet-Cookie: a=b',
    'https://shop.example/\n',
    'https://shop.example/\u0000',
    'https://shop.example/a b',
    'shop.example/success',
    'javascript:alert(1)',
    'https:shop.example',
  ])("refuse %j with Stripe's url_invalid, naming the parameter", (value) => {
    expect(refusal({ success_url: value })).toEqual({
      type: 'invalid_request_error',
      code: 'url_invalid',
      doc_url: 'https://docs.stripe.com/error-codes/url-invalid',
      message: 'Not a valid URL (success_url).',
      param: 'success_url',
    });
  });

  it('name the element of an array', () => {
    expect(refusal({ images: ['https://shop.example/a.png', 'https://shop.example/b\r\n.png'] })).toMatchObject({
      code: 'url_invalid',
      param: 'images[1]',
    });
  });

  it('accept http(s) URLs, with the {CHECKOUT_SESSION_ID} template', () => {
    expect(parseParams(schema, { success_url: 'https://shop.example/done?id={CHECKOUT_SESSION_ID}' })).toEqual({
      success_url: 'https://shop.example/done?id={CHECKOUT_SESSION_ID}',
    });
  });
});
