import { z } from 'zod';
import { listParams, oneOf, str, unsupported } from '@/lib/api/params';

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
