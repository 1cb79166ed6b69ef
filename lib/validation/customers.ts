import { z } from 'zod';
import { bool, email, expand, int, listParams, metadata, oneOf, rangeQuery, str, unsettable, unsupported } from '@/lib/api/params';
import { addressParams } from './address';
import { taxIdData } from './customer-tax-ids';

const shipping = z.strictObject({
  address: addressParams,
  name: str(5000),
  phone: str(5000).optional(),
});

// `unsettable` with the hash tried first, so that a hash missing a key names
// that key (`shipping[name]`) rather than the whole parameter.
const hashOrUnset = <T extends z.ZodType>(schema: T) => z.union([schema, z.literal('').transform(() => null)]);

const editable = {
  address: hashOrUnset(addressParams).optional(),
  balance: int({ min: -99999999999, max: 99999999999 }).optional(),
  description: unsettable(str(5000)).optional(),
  email: unsettable(email(512)).optional(),
  metadata: metadata().optional(),
  name: unsettable(str(256)).optional(),
  phone: unsettable(str(20)).optional(),
  preferred_locales: unsettable(z.array(str(5000)).max(30)).optional(),
  shipping: hashOrUnset(shipping).optional(),
  // Read by automatic tax (lib/tax): exempt pays none, reverse accounts for it itself. '' is none, as with Stripe.
  tax_exempt: z
    .union([z.literal(''), oneOf(['none', 'exempt', 'reverse'])])
    .transform((v) => (v === '' ? 'none' : v))
    .optional(),
  // Stripe uses it to check a card source; Caisse takes no sources, so it changes nothing.
  validate: bool().optional(),
  business_name: unsupported('business_name is not supported'),
  individual_name: unsupported('individual_name is not supported'),
  cash_balance: unsupported('Cash balances are not supported'),
  invoice_prefix: unsupported('Invoices are not supported, so invoice_prefix cannot be set'),
  invoice_settings: z
    .strictObject({
      default_payment_method: unsettable(str(255)).optional(),
      custom_fields: unsupported('invoice_settings[custom_fields] is not supported'),
      footer: unsupported('invoice_settings[footer] is not supported'),
      rendering_options: unsupported('invoice_settings[rendering_options] is not supported'),
    })
    .optional(),
  next_invoice_sequence: unsupported('Invoices are not supported, so next_invoice_sequence cannot be set'),
  source: unsupported('Sources are not supported: customers pay through Checkout'),
  tax: unsupported('Automatic tax is not supported, so tax cannot be set'),
  expand: expand(),
};

export const createCustomerSchema = z.strictObject({
  ...editable,
  payment_method: str(255).optional(),
  tax_id_data: taxIdData().optional(),
  test_clock: str(255).optional(),
});

export const updateCustomerSchema = z.strictObject({
  ...editable,
  default_source: unsupported('Sources are not supported: customers pay through Checkout'),
});

export const listCustomersSchema = z.strictObject({
  ...listParams,
  created: rangeQuery().optional(),
  email: str(512).optional(),
  test_clock: str(255).optional(),
});

export type CreateCustomerParams = z.infer<typeof createCustomerSchema>;
export type UpdateCustomerParams = z.infer<typeof updateCustomerSchema>;
export type ListCustomersParams = z.infer<typeof listCustomersSchema>;
export type ShippingParams = z.infer<typeof shipping>;
