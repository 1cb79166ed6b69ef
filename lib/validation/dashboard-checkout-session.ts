import { z } from 'zod';
import { isHttpUrlTemplate } from '@/lib/util/http-url';
import { COUNTRY_CODES } from './countries';

/**
 * The dashboard's "Create checkout session" form; messages are keys of Dashboard.catalog.errors.
 * It maps onto the API's createCheckoutSessionSchema (lib/validation/checkout-sessions.ts),
 * which the server checks again before lib/checkout creates the session.
 */

// The API's rule (lib/api/params url()): an absolute http(s) URL, no control characters.
const httpUrl = (message: string) => z.string().trim().refine(isHttpUrlTemplate, message);

/** "US, fr de" → ["US", "FR", "DE"]. */
export const countryList = (s: string) => [
  ...new Set(
    s
      .toUpperCase()
      .split(/[\s,;]+/)
      .filter(Boolean),
  ),
];

export const checkoutSessionFormSchema = z
  .object({
    items: z.array(z.object({ price: z.string(), selected: z.boolean(), quantity: z.string().trim() })),
    successUrl: httpUrl('url_invalid'),
    cancelUrl: z.union([z.literal(''), httpUrl('url_invalid')]),
    customerEmail: z.union([
      z.literal(''),
      z
        .string()
        .trim()
        .max(800, 'email_invalid')
        .regex(/^[^\s@]+@[^\s@]+$/, 'email_invalid'),
    ]),
    allowPromotionCodes: z.boolean(),
    collectShipping: z.boolean(),
    countries: z.string(),
    shippingRate: z.string(),
    taxRate: z.string(),
  })
  .check((ctx) => {
    const v = ctx.value;
    const chosen = v.items.filter((i) => i.selected);
    if (chosen.length === 0) ctx.issues.push({ code: 'custom', input: v.items, path: ['items'], message: 'items_required' });
    v.items.forEach((item, i) => {
      if (item.selected && !/^[1-9]\d{0,5}$/.test(item.quantity))
        ctx.issues.push({ code: 'custom', input: item.quantity, path: ['items', i, 'quantity'], message: 'quantity_invalid' });
    });
    if (v.collectShipping) {
      const list = countryList(v.countries);
      if (list.length === 0 || list.some((c) => !COUNTRY_CODES.has(c)))
        ctx.issues.push({ code: 'custom', input: v.countries, path: ['countries'], message: 'countries_invalid' });
    }
  });
export type CheckoutSessionFormInput = z.input<typeof checkoutSessionFormSchema>;
export type CheckoutSessionFormValues = z.output<typeof checkoutSessionFormSchema>;

/** The API's parameters for the form, in the mode its prices call for. */
export function checkoutSessionParams(v: CheckoutSessionFormValues, mode: 'payment' | 'subscription') {
  return {
    mode,
    line_items: v.items
      .filter((i) => i.selected)
      .map((i) => ({ price: i.price, quantity: Number(i.quantity), ...(v.taxRate && { tax_rates: [v.taxRate] }) })),
    success_url: v.successUrl,
    ...(v.cancelUrl && { cancel_url: v.cancelUrl }),
    ...(v.customerEmail && { customer_email: v.customerEmail }),
    ...(v.allowPromotionCodes && { allow_promotion_codes: true }),
    ...(v.collectShipping && { shipping_address_collection: { allowed_countries: countryList(v.countries) } }),
    ...(v.shippingRate && { shipping_options: [{ shipping_rate: v.shippingRate }] }),
  };
}
