import type { CartError } from './cart-actions';
import type { ConfirmResult } from './confirm-payment';

/**
 * What the hosted page's forms and their server actions pass each other
 * (React's useActionState). Plain data, so the components that render it and
 * the actions in app/c that produce it both import it from here.
 */

/** A cart form's answer (quantity, optional item, promotion code, shipping rate): why it was refused, if it was. */
export type CartActionState = { error: CartError | null };

/** A cart form's server action, bound to its session. */
export type CartAction = (state: CartActionState, form: FormData) => Promise<CartActionState>;

/** What the pay form shows after an attempt: errors by field, and what the customer typed (never card data). */
export type PayState = {
  result: Extract<ConfirmResult, { state: 'declined' | 'invalid' | 'closed' | 'refused' }> | null;
  values: Record<string, unknown>;
};

/** The pay form's server action, bound to its session. */
export type PayAction = (state: PayState, form: FormData) => Promise<PayState>;

/** Server error keys that belong to the cart namespace rather than to a field. */
const FORM_LEVEL = ['promotion_code', 'cart'] as const;

/** The message key (under Errors) for the form's banner after the server answered, or null when no field-less message applies. */
export function payResultMessageKey(result: PayState['result']): string | null {
  if (result?.state === 'declined') return result.message;
  if (result?.state === 'refused') return `refused.${result.reason}`;
  const formLevel = result?.state === 'invalid' ? FORM_LEVEL.find((k) => k in result.errors) : undefined;
  if (result?.state === 'invalid' && formLevel) return `cart.${result.errors[formLevel]}`;
  if (result?.state === 'closed') return 'cart.session_closed';
  return null;
}
