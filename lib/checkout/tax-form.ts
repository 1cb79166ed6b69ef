import { z } from 'zod';
import type { TaxFormPart } from './collected-details';

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => v || null)
    .nullish()
    .catch(null)
    .transform((v) => v ?? null);
const place = z
  .object({
    country: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/),
    state: text(100),
    postal_code: text(20),
  })
  .nullish()
  .catch(null)
  .transform((v) => v ?? null);

const schema = z.object({
  shipping: place,
  billing: place,
  tax_id: z
    .object({ business: z.unknown().transform((v) => v === true || v === 'true' || v === 'on'), value: text(50) })
    .nullish()
    .catch(null)
    .transform((v) => v ?? null),
});

/**
 * The address and tax ID fields of the pay form as typed so far (the rest of the
 * form may be empty or wrong): what "Update total" and the page's script send
 * so automatic tax prices the address before the customer pays.
 */
export function taxFormPart(params: unknown): TaxFormPart {
  const parsed = schema.safeParse(params ?? {});
  return parsed.success ? parsed.data : { shipping: null, billing: null, tax_id: null };
}
