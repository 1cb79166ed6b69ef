import { z } from 'zod';
import { email, expand, int, listParams, metadata, oneOf, str, unsettable, unsupported } from '@/lib/api/params';
import { addressParams } from './address';

const filters = {
  ...listParams,
  // Any of Stripe's types: those Caisse never makes simply match nothing.
  type: str(255).optional(),
  allow_redisplay: oneOf(['always', 'limited', 'unspecified']).optional(),
};

/** GET /v1/payment_methods: the account's payment methods, or one customer's. */
export const listPaymentMethodsSchema = z.strictObject({
  ...filters,
  customer: str(255).optional(),
  customer_account: unsupported('customer_account is not supported: Caisse has no Accounts v2'),
});

/** GET /v1/customers/:id/payment_methods. */
export const listCustomerPaymentMethodsSchema = z.strictObject(filters);

export type ListPaymentMethodsParams = z.infer<typeof listPaymentMethodsSchema>;
export type ListCustomerPaymentMethodsParams = z.infer<typeof listCustomerPaymentMethodsSchema>;

const redisplay = oneOf(['always', 'limited', 'unspecified']);

/** POST /v1/payment_methods/:id/attach. */
export const attachPaymentMethodSchema = z.strictObject({
  customer: str(255).optional(),
  customer_account: unsupported('customer_account is not supported: Caisse has no Accounts v2'),
  expand: expand(),
});

/** POST /v1/payment_methods/:id/detach. */
export const detachPaymentMethodSchema = z.strictObject({ expand: expand() });

/** POST /v1/payment_methods/:id: what the customer may correct on a saved method, and its redisplay consent. */
export const updatePaymentMethodSchema = z.strictObject({
  allow_redisplay: redisplay.optional(),
  billing_details: z
    .strictObject({
      address: z.union([addressParams, z.literal('').transform(() => null)]).optional(),
      email: unsettable(email(800)).optional(),
      name: unsettable(str(5000)).optional(),
      phone: unsettable(str(5000)).optional(),
      tax_id: unsupported('billing_details[tax_id] is not supported'),
    })
    .optional(),
  card: z.strictObject({ exp_month: int({ min: 1, max: 12 }).optional(), exp_year: int({ min: 0, max: 9999 }).optional() }).optional(),
  metadata: metadata().optional(),
  us_bank_account: unsupported('us_bank_account is not supported'),
  expand: expand(),
});

export type AttachPaymentMethodParams = z.infer<typeof attachPaymentMethodSchema>;
export type UpdatePaymentMethodParams = z.infer<typeof updatePaymentMethodSchema>;
