import type { DeclineMessageKey } from '@/lib/payments/decline-messages';

/**
 * What the hosted invoice page's card form and its server action pass each other (React's useActionState).
 * Plain data, so components/invoices and app/i both import it from here.
 */

/** How an attempt to pay an invoice on its page ended. */
export type InvoicePayResult =
  | { state: 'paid' }
  | { state: 'requires_action' }
  | { state: 'declined'; message: DeclineMessageKey }
  | { state: 'invalid'; errors: Record<string, string> }
  /** The invoice takes no payment (paid, void, uncollectible, nothing due, or no such invoice). */
  | { state: 'closed' }
  | { state: 'refused'; reason: 'rate_limited' | 'too_many_attempts' | 'in_progress' };

/** What the form shows after an attempt that did not leave the page: a decline, field errors, a refusal. Never card data. */
export type InvoicePayState = { result: Exclude<InvoicePayResult, { state: 'paid' | 'requires_action' }> | null; name: string | null };

/** The card form's server action, bound to its invoice and signature. */
export type InvoicePayAction = (state: InvoicePayState, form: FormData) => Promise<InvoicePayState>;
