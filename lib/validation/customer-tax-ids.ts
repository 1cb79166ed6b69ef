import { z } from 'zod';
import { expand, listParams, nonEmptyStr, oneOf } from '@/lib/api/params';
import { STRIPE_TAX_ID_TYPES } from '@/lib/tax-ids/stripe-tax-id-types';

/** Stripe's limit: a customer holds at most 25 tax IDs. */
export const MAX_TAX_IDS_PER_CUSTOMER = 25;

/** A tax ID as given: one of Stripe's types and a value, checked against the type's format by lib/customers/customer-tax-ids.ts. */
const taxIdParams = {
  type: oneOf(STRIPE_TAX_ID_TYPES),
  value: nonEmptyStr(5000),
};

/** POST /v1/customers/:id/tax_ids. */
export const createCustomerTaxIdSchema = z.strictObject({ ...taxIdParams, expand: expand() });

/** GET /v1/customers/:id/tax_ids. */
export const listCustomerTaxIdsSchema = z.strictObject(listParams);

/** POST /v1/customers' `tax_id_data[]`: the new customer's tax IDs. */
export const taxIdData = () => z.array(z.strictObject(taxIdParams)).max(MAX_TAX_IDS_PER_CUSTOMER);

export type TaxIdParams = { type: string; value: string };
export type ListCustomerTaxIdsParams = z.infer<typeof listCustomerTaxIdsSchema>;
