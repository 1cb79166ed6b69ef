import { z } from 'zod';
import { bool, listParams, rangeQuery, str, unsupported } from '@/lib/api/params';

/** GET /v1/setup_intents: the account's setup intents, newest first. */
export const listSetupIntentsSchema = z.strictObject({
  ...listParams,
  customer: str(255).optional(),
  payment_method: str(255).optional(),
  created: rangeQuery().optional(),
  // Caisse never attaches a method to the account itself: `attach_to_self=true` matches nothing.
  attach_to_self: bool().optional(),
  customer_account: unsupported('customer_account is not supported: Caisse has no Accounts v2'),
});

export type ListSetupIntentsParams = z.infer<typeof listSetupIntentsSchema>;
