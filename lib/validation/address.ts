import { z } from 'zod';
import type { Address } from '@/db/schema';
import { str } from '@/lib/api/params';

/** Stripe's address hash, as customers, their shipping and a charge's shipping take it: every key optional. */
export const addressParams = z.strictObject({
  city: str(5000).optional(),
  country: str(5000).optional(),
  line1: str(5000).optional(),
  line2: str(5000).optional(),
  postal_code: str(5000).optional(),
  state: str(5000).optional(),
});

export type AddressParams = z.infer<typeof addressParams>;

/** The address as stored and shown: Stripe shows every key, null when not given. */
export function storedAddress(a: AddressParams): Address {
  return {
    city: a.city ?? null,
    country: a.country ?? null,
    line1: a.line1 ?? null,
    line2: a.line2 ?? null,
    postal_code: a.postal_code ?? null,
    state: a.state ?? null,
  };
}
