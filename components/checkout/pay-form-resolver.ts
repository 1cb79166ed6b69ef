import { zodResolver } from '@hookform/resolvers/zod';
import type { Resolver } from 'react-hook-form';
import { compactLookup, type CompactAddressRules } from '@/lib/addresses/address-field-rules';
import { makeConfirmSchema, type ConfirmConfig } from '@/lib/validation/checkout-page';

/**
 * The pay form's resolver: the schema the server action checks (makeConfirmSchema), for the address forms the page
 * was given. Loaded apart from the page (lazyResolver), with zod.
 */
export function payFormResolver(config: ConfirmConfig, rules: CompactAddressRules): Resolver {
  return zodResolver(makeConfirmSchema(config, undefined, undefined, compactLookup(rules)) as never);
}
