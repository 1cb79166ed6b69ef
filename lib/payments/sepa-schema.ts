import { z } from 'zod/mini';
import { readField, requiredName, type Read } from '@/lib/validation/read-field';
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

function readIban(raw: string): Read<string> {
  const fail = (error: SepaErrorKey) => ({ error });
  const iban = normalizeIban(raw);
  if (raw.trim() === '') return fail('sepa.iban.incomplete');
  if (iban === null) return fail('sepa.iban.invalid');
  const problem = ibanProblem(iban);
  return problem ? fail(`sepa.iban.${problem}`) : { value: iban };
}

export const sepaDetailsSchema = z.object({
  iban: readField(readIban),
  name: requiredName(200, 'sepa.name.required' satisfies SepaErrorKey, 'sepa.name.too_long' satisfies SepaErrorKey),
});

/** The normalized IBAN and the account holder's name; the IBAN lives only in the confirm call's memory. */
export type SepaDetails = z.output<typeof sepaDetailsSchema>;
