import { z } from 'zod/mini';
import { readField, requiredName, type Read } from '@/lib/validation/read-field';
import { cardNumberLengths, cvcLength, detectBrand, luhnValid, normalizeCardNumber } from './card-number';
import type { CardInput } from './processor';

/**
 * The card form's schema, shared by the client form (react-hook-form) and the
 * server action. Messages are translation keys, not English: the page owns the
 * wording in every locale. Browser-safe: no Node-only imports.
 */

export const CARD_ERROR_KEYS = [
  'card.number.incomplete',
  'card.number.invalid',
  'card.expiry.incomplete',
  'card.expiry.invalid',
  'card.expiry.past',
  'card.cvc.incomplete',
  'card.cvc.invalid',
  'card.name.required',
  'card.name.too_long',
] as const;
export type CardErrorKey = (typeof CARD_ERROR_KEYS)[number];

/** A typo like "12/99" is a card nobody holds; Stripe refuses years this far out too. */
const MAX_YEARS_AHEAD = 50;

const fail = (error: CardErrorKey) => ({ error });

function readNumber(raw: string): Read<string> {
  if (raw.trim() === '') return fail('card.number.incomplete');
  const digits = normalizeCardNumber(raw);
  if (digits === null) return fail('card.number.invalid');
  const lengths = cardNumberLengths(detectBrand(digits));
  if (!lengths.includes(digits.length)) {
    // Shorter than the network's longest number: the customer may still be typing.
    return fail(digits.length < Math.max(...lengths) ? 'card.number.incomplete' : 'card.number.invalid');
  }
  if (!luhnValid(digits)) return fail('card.number.invalid');
  return { value: digits };
}

const FULL_EXPIRY = [/^(\d{2})\s*\/\s*(\d{2})$/, /^(\d{2})(\d{2})$/];
/** What someone mid-way through "MM / YY" has typed so far. */
const PARTIAL_EXPIRY = /^(\d{1,3}|\d{2}\s*\/\s*\d?)$/;

function readExpiry(raw: string, today: Date): Read<{ month: number; year: number }> {
  const text = raw.trim();
  const match = FULL_EXPIRY.map((re) => re.exec(text)).find((m) => m !== null);
  if (!match) return fail(text === '' || PARTIAL_EXPIRY.test(text) ? 'card.expiry.incomplete' : 'card.expiry.invalid');
  const month = Number(match[1]);
  const year = 2000 + Number(match[2]);
  if (month < 1 || month > 12) return fail('card.expiry.invalid');
  // UTC, so the browser and the server agree whatever their time zones. A card
  // stays valid through the last day of its expiry month.
  const thisMonth = today.getUTCFullYear() * 12 + today.getUTCMonth();
  const cardMonth = year * 12 + (month - 1);
  if (cardMonth < thisMonth) return fail('card.expiry.past');
  if (year > today.getUTCFullYear() + MAX_YEARS_AHEAD) return fail('card.expiry.invalid');
  return { value: { month, year } };
}

/** Digits only and 3–4 long here; the exact length depends on the brand, checked on the whole object. */
function readCvc(raw: string): Read<string> {
  const cvc = raw.trim();
  if (cvc === '') return fail('card.cvc.incomplete');
  if (!/^\d+$/.test(cvc) || cvc.length > 4) return fail('card.cvc.invalid');
  if (cvc.length < 3) return fail('card.cvc.incomplete');
  return { value: cvc };
}

const hasIssueAt = (issues: readonly { path?: readonly PropertyKey[] }[], field: string) =>
  issues.some((issue) => issue.path?.[0] === field);

export function makeCardDetailsSchema(now: () => Date) {
  return z
    .object({
      number: readField(readNumber),
      expiry: readField((raw) => readExpiry(raw, now())),
      cvc: readField(readCvc),
      name: requiredName(200, 'card.name.required' satisfies CardErrorKey, 'card.name.too_long' satisfies CardErrorKey),
    })
    .check(
      z.superRefine(
        ({ number, cvc }, ctx) => {
          const expected = cvcLength(detectBrand(number));
          if (cvc.length === expected) return;
          const message: CardErrorKey = cvc.length < expected ? 'card.cvc.incomplete' : 'card.cvc.invalid';
          ctx.addIssue({ code: 'custom', message, path: ['cvc'] });
        },
        // Run even when the expiry or name is wrong, so the form shows every error
        // at once; skip only when the number or CVC could not be read.
        { when: (payload) => !hasIssueAt(payload.issues, 'number') && !hasIssueAt(payload.issues, 'cvc') },
      ),
    );
}

export const cardDetailsSchema = makeCardDetailsSchema(() => new Date());

/** What the form holds (strings as typed). */
export type CardDetailsInput = z.input<typeof cardDetailsSchema>;
/** What a successful parse gives: normalized digits, numeric expiry, trimmed strings. */
export type CardDetails = z.output<typeof cardDetailsSchema>;

export function toCardInput(details: CardDetails): CardInput {
  return {
    number: details.number,
    expMonth: details.expiry.month,
    expYear: details.expiry.year,
    cvc: details.cvc,
    name: details.name,
  };
}
