import { describe, expect, it } from 'vitest';
import { checkoutSessionFormSchema } from './dashboard-checkout-session';
import { webhookEndpointFormSchema } from './dashboard-developers';

const sessionForm = (successUrl: string, cancelUrl = '') => ({
  items: [{ price: 'price_1', selected: true, quantity: '1' }],
  successUrl,
  cancelUrl,
  customerEmail: '',
  allowPromotionCodes: false,
  collectShipping: false,
  countries: '',
  shippingRate: '',
  taxRate: '',
});

const issuesAt = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }, field: string) =>
  (result.error?.issues ?? []).filter((i) => i.path[0] === field).map((i) => i.message);

describe("the dashboard's URL fields follow the API's rule", () => {
  it.each(['https://shop.example/ok\r\nx', 'https://shop.example/a b', 'shop.example', 'javascript:alert(1)'])(
    'the session form refuses %j',
    (url) => {
      expect(issuesAt(checkoutSessionFormSchema.safeParse(sessionForm(url)), 'successUrl')).toEqual(['url_invalid']);
      expect(issuesAt(checkoutSessionFormSchema.safeParse(sessionForm('https://shop.example/', url)), 'cancelUrl')).toEqual([
        'url_invalid',
      ]);
    },
  );

  it('the session form takes a template and a URL with spaces around it', () => {
    expect(checkoutSessionFormSchema.safeParse(sessionForm(' https://shop.example/ok?id={CHECKOUT_SESSION_ID} ')).success).toBe(true);
  });

  it('the webhook form refuses a URL with a line break inside', () => {
    const form = (url: string) => webhookEndpointFormSchema.safeParse({ url, description: '', enabledEvents: ['*'] });
    expect(issuesAt(form('https://shop.example/ho\nok'), 'url')).toEqual(['url_invalid']);
    expect(form('https://shop.example/hook').success).toBe(true);
  });
});
