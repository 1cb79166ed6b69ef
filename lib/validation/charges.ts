import { z } from 'zod';
import {
  connectOnly,
  email,
  expand,
  int,
  listParams,
  metadata,
  noStatementDescriptor,
  rangeQuery,
  str,
  unsettable,
  unsupported,
} from '@/lib/api/params';
import { addressParams } from './address';

export const listChargesSchema = z.strictObject({
  ...listParams,
  customer: str(255).optional(),
  payment_intent: str(255).optional(),
  created: rangeQuery().optional(),
  transfer_group: connectOnly('transfer_group'),
});

/** Stripe's charge shipping: address and name required, the rest optional. */
const shipping = z.strictObject({
  address: addressParams,
  name: str(5000),
  carrier: str(5000).optional(),
  phone: str(5000).optional(),
  tracking_number: str(5000).optional(),
});

/** POST /v1/charges/:id: what Stripe lets a merchant change on a charge that Caisse keeps. */
export const updateChargeSchema = z.strictObject({
  description: unsettable(str(40000)).optional(),
  metadata: metadata().optional(),
  receipt_email: unsettable(email(800)).optional(),
  shipping: shipping.optional(),
  customer: unsupported('Changing the customer of a charge is not supported: Caisse sets it when the customer pays'),
  fraud_details: unsupported('fraud_details is not supported: Caisse has no fraud detection to report to'),
  transfer_group: connectOnly('transfer_group'),
  expand: expand(),
});

/** POST /v1/charges/:id/capture, the legacy capture: the same capture as the PaymentIntent's. */
export const captureChargeSchema = z.strictObject({
  amount: int({ min: 1 }).optional(),
  receipt_email: unsupported('receipt_email is not supported here: set receipt_email on the Checkout Session'),
  statement_descriptor: noStatementDescriptor('statement_descriptor'),
  statement_descriptor_suffix: noStatementDescriptor('statement_descriptor_suffix'),
  application_fee: connectOnly('application_fee'),
  application_fee_amount: connectOnly('application_fee_amount'),
  transfer_data: connectOnly('transfer_data'),
  transfer_group: connectOnly('transfer_group'),
  expand: expand(),
});

export type ListChargesParams = z.infer<typeof listChargesSchema>;
export type UpdateChargeParams = z.infer<typeof updateChargeSchema>;
export type CaptureChargeParams = z.infer<typeof captureChargeSchema>;
