import { z } from 'zod';
import { bool, connectOnly, expand, listParams, metadata, oneOf, rangeQuery, str, unsettable, unsupported } from '@/lib/api/params';

/** GET /v1/invoices. */
export const listInvoicesSchema = z.strictObject({
  ...listParams,
  collection_method: oneOf(['charge_automatically', 'send_invoice']).optional(),
  created: rangeQuery().optional(),
  customer: str(255).optional(),
  customer_account: unsupported('customer_account is not supported: Caisse has no Accounts v2'),
  // Only invoices sent for payment have a due date: Caisse's are charged automatically, so none matches.
  due_date: rangeQuery().optional(),
  status: oneOf(['draft', 'open', 'paid', 'uncollectible', 'void']).optional(),
  subscription: str(255).optional(),
});

/** GET /v1/invoices/:id/lines. */
export const listInvoiceLinesSchema = z.strictObject(listParams);

const notBuilt = (name: string, why: string) => unsupported(`${name} is not supported: ${why}`);

/** POST /v1/invoices/:id: what Caisse lets a merchant change on an invoice; the rest of Stripe's parameters by name. */
export const updateInvoiceSchema = z.strictObject({
  auto_advance: bool().optional(),
  description: unsettable(str(1500)).optional(),
  expand: expand(),
  metadata: metadata().optional(),
  account_tax_ids: notBuilt('account_tax_ids', 'Caisse keeps no tax ids'),
  application_fee_amount: connectOnly('application_fee_amount'),
  automatic_tax: notBuilt('automatic_tax', 'Caisse computes tax from tax rates only'),
  automatically_finalizes_at: notBuilt('automatically_finalizes_at', 'Caisse finalizes invoices when they are made or when asked'),
  collection_method: notBuilt('collection_method', 'Caisse charges invoices automatically only'),
  custom_fields: notBuilt('custom_fields', 'Caisse prints no custom fields on invoices'),
  days_until_due: notBuilt('days_until_due', 'Caisse charges invoices automatically only'),
  default_payment_method: notBuilt('default_payment_method', "set the subscription's default_payment_method instead"),
  default_source: notBuilt('default_source', 'Caisse takes no sources'),
  default_tax_rates: notBuilt('default_tax_rates', "an invoice's amounts are fixed when it is made"),
  discounts: notBuilt('discounts', "an invoice's amounts are fixed when it is made"),
  due_date: notBuilt('due_date', 'Caisse charges invoices automatically only'),
  effective_at: notBuilt('effective_at', 'an invoice is effective when it is finalized'),
  footer: notBuilt('footer', 'Caisse prints no invoice footers'),
  issuer: notBuilt('issuer', 'Caisse invoices are issued by the account itself'),
  number: notBuilt('number', 'Caisse numbers invoices itself'),
  on_behalf_of: connectOnly('on_behalf_of'),
  payment_settings: notBuilt('payment_settings', 'Caisse charges invoices with the saved card'),
  rendering: notBuilt('rendering', 'Caisse has one invoice template'),
  shipping_cost: notBuilt('shipping_cost', "an invoice's amounts are fixed when it is made"),
  shipping_details: notBuilt('shipping_details', 'Caisse invoices carry no shipping details'),
  statement_descriptor: notBuilt('statement_descriptor', 'Caisse prints no statement descriptors'),
  transfer_data: connectOnly('transfer_data'),
});

/** POST /v1/invoices/:id/finalize. */
export const finalizeInvoiceSchema = z.strictObject({
  auto_advance: bool().optional(),
  expand: expand(),
});

/** POST /v1/invoices/:id/pay. */
export const payInvoiceSchema = z.strictObject({
  expand: expand(),
  // Stripe's default: the customer is not there, the saved card is charged.
  off_session: z
    .unknown()
    .pipe(bool())
    .refine((v) => v, 'off_session=false is not supported: Caisse pays invoices through the API off-session only')
    .optional(),
  paid_out_of_band: bool().optional(),
  payment_method: str(255).optional(),
  forgive: notBuilt('forgive', 'Caisse takes no partial payments of an invoice'),
  mandate: notBuilt('mandate', 'Caisse charges invoices with cards only'),
  source: notBuilt('source', 'Caisse takes no sources: use payment_method'),
});

export type ListInvoicesParams = z.infer<typeof listInvoicesSchema>;
export type ListInvoiceLinesParams = z.infer<typeof listInvoiceLinesSchema>;
export type UpdateInvoiceParams = z.infer<typeof updateInvoiceSchema>;
export type FinalizeInvoiceParams = z.infer<typeof finalizeInvoiceSchema>;
export type PayInvoiceParams = z.infer<typeof payInvoiceSchema>;
