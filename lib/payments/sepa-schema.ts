import { z } from 'zod';
import { ibanProblem, normalizeIban } from './iban';

/**
 * The SEPA Direct Debit fields of the pay form, shared by the browser and the
 * server action like the card schema. Messages are translation keys.
 */

export const SEPA_ERROR_KEYS = [
  'sepa.iban.incomplete',
  'sepa.iban.invalid',
  'sepa.iban.unsupported_country',
  'sepa.name.required',
  'sepa.name.too_long',
] as const;
export type SepaErrorKey = (typeof SEPA_ERROR_KEYS)[number];

const ibanField = z.string().transform((raw, ctx) => {
  const fail = (message: SepaErrorKey) => {
    ctx.addIssue({ code: 'custom', message });
    return z.NEVER;
  };
  const iban = normalizeIban(raw);
  if (raw.trim() === '') return fail('sepa.iban.incomplete');
  if (iban === null) return fail('sepa.iban.invalid');
  const problem = ibanProblem(iban);
  return problem ? fail(`sepa.iban.${problem}`) : iban;
});

const nameField = z
  .string()
  .trim()
  .min(1, 'sepa.name.required' satisfies SepaErrorKey)
  .max(200, 'sepa.name.too_long' satisfies SepaErrorKey);

export const sepaDetailsSchema = z.object({ iban: ibanField, name: nameField });

/** The normalized IBAN and the account holder's name; the IBAN lives only in the confirm call's memory. */
export type SepaDetails = z.output<typeof sepaDetailsSchema>;
