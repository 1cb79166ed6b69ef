import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import type { z } from 'zod';
import { getDb, type Db } from '@/db/client';
import type { CartError, CartResult } from '@/lib/checkout/cart-actions';
import type { CartActionState as CartState } from '@/lib/checkout/page-state';
import { clientKeyFrom } from '@/lib/security/client-key';
import { formInput } from './form-data';

/** Who acts on the hosted page: the customer of the session the page bound the action to, and nothing else. */
export type CheckoutContext = {
  db: Db;
  /** The session of the page's URL: every change in lib/checkout locks and checks this one session. */
  sessionId: string;
  /** The client, for per-client limits (promotion code guesses). */
  clientKey: () => Promise<string>;
};

/**
 * A hosted page cart action, bound by the page to its session: `action.bind(null, sessionId)`
 * for useActionState, or a plain form post without JavaScript. The posted form is checked by
 * `schema` (invalid: the page is told `invalid`, the cart is not touched); the body's refusal
 * is the page's error; the page is revalidated after every change tried.
 */
export function cartAction<S extends z.ZodType>(
  schema: S,
  invalid: CartError,
  body: (data: z.output<S>, ctx: CheckoutContext) => Promise<CartResult>,
) {
  return async (sessionId: string, _state: CartState, form: FormData): Promise<CartState> => {
    const parsed = await schema.safeParseAsync(formInput(form));
    if (!parsed.success) return { error: invalid };
    const result = await body(parsed.data, { db: await getDb(), sessionId, clientKey: async () => clientKeyFrom(await headers()) });
    revalidatePath(`/c/${sessionId}`);
    return { error: result.ok ? null : result.error };
  };
}
