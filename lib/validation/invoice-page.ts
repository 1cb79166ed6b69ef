import { z } from 'zod/mini';
import { makeCardDetailsSchema } from '@/lib/payments/card-schema';

/**
 * The hosted invoice page's card form, shared by the form (react-hook-form) and the server: the checkout's
 * card fields, nothing else. Browser-safe.
 */
export function makeInvoicePaySchema(now: () => Date = () => new Date()) {
  return z.object({ card: makeCardDetailsSchema(now) });
}
