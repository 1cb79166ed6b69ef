'use server';

// The hosted page's server actions: thin wrappers over lib/checkout, each a plain form post without JavaScript.
// The cart's go through cartAction (lib/actions/checkout.ts): the bound session, the form checked by a schema, revalidation.
import { revalidatePath } from 'next/cache';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { z } from 'zod';
import { parseFormBody } from '@/lib/api/form-body';
import { cartAction } from '@/lib/actions/checkout';
import {
  applyPromotionCode,
  changeQuantity,
  changeTaxInputs,
  removePromotionCode,
  selectShippingRate,
  setOptionalItem,
} from '@/lib/checkout/cart-actions';
import { taxFormPart } from '@/lib/checkout/tax-form';
import { completeChallenge } from '@/lib/checkout/authenticate';
import { awaitOtherAttempt } from '@/lib/checkout/await-other-attempt';
import { confirmPayment } from '@/lib/checkout/confirm-payment';
import type { PayState } from '@/lib/checkout/page-state';
import { removeSavedCard } from '@/lib/checkout/remove-saved-card';
import { requestedQuantity } from '@/lib/checkout/requested-quantity';
import { PASS_COOKIE } from '@/lib/pass/pass-sign-in';
import { clientKeyFrom } from '@/lib/security/client-key';

/** Hosted sessions go straight to success_url; embedded ones stay in the frame, whose page tells the merchant's. */
function afterPayment(sessionId: string, result: { redirectUrl: string | null; embedded: boolean }) {
  return result.embedded || !result.redirectUrl ? `/c/${sessionId}` : result.redirectUrl;
}

// A missing or odd id is no line of this session: lib/checkout answers not_found, as for any unknown id.
const line = z.string().catch('');

// POST (server action) — the quantity field, or its −/+ buttons (step); out of range is refused without touching the cart
export const quantityAction = cartAction(
  z.object({ line, quantity: z.unknown().optional(), step: z.unknown().optional() }).transform((f, ctx) => {
    const quantity = requestedQuantity(f.quantity, f.step);
    if (quantity === null) {
      ctx.addIssue({ code: 'custom', message: 'quantity_out_of_range' });
      return z.NEVER;
    }
    return { line: f.line, quantity };
  }),
  'quantity_out_of_range',
  (f, { db, sessionId }) => changeQuantity(db, sessionId, f.line, f.quantity),
);

// POST (server action) — add or remove an optional item
export const optionalItemAction = cartAction(z.object({ line, selected: z.unknown().optional() }), 'not_found', (f, { db, sessionId }) =>
  setOptionalItem(db, sessionId, f.line, f.selected === 'true'),
);

// POST (server action) — choose one of the session's shipping rates
export const shippingRateAction = cartAction(z.object({ shipping_rate: z.string().catch('') }), 'not_found', (f, { db, sessionId }) =>
  selectShippingRate(db, sessionId, f.shipping_rate),
);

// POST (server action) — apply a promotion code, or remove the applied one (remove=true)
export const promotionCodeAction = cartAction(
  z.object({ remove: z.unknown().optional(), code: z.string().catch('') }),
  'code_unknown',
  async (f, { db, sessionId, clientKey }) =>
    f.remove === 'true' ? removePromotionCode(db, sessionId) : applyPromotionCode(db, sessionId, f.code, await clientKey()),
);

const removeCard = cartAction(z.object({ payment_method: z.string().catch('') }), 'not_found', (f, { db, sessionId }) =>
  removeSavedCard(db, sessionId, f.payment_method),
);

// POST (server action) — remove one of the customer's saved cards (payment_method_remove=enabled); a refusal leaves the page as it was
export async function removeSavedCardAction(sessionId: string, form: FormData): Promise<void> {
  await removeCard(sessionId, { error: null }, form);
}

const CARD_FIELDS = new Set(['card', 'sepa']);

/** The form's fields as nested params: react-hook-form names them `card.number`, forms post them as given. */
function formParams(form: FormData) {
  const pairs = [...form.entries()]
    .filter((e): e is [string, string] => typeof e[1] === 'string' && !e[0].startsWith('$'))
    .map(([k, v]): [string, string] => [k.replace(/\.([^.]+)/g, '[$1]'), v]);
  return parseFormBody(new URLSearchParams(pairs));
}

/** What the form held, sent back so the page shows it again: never the card, nor the IBAN (typed again, like a card number). */
function echoed(params: Record<string, unknown>): Record<string, unknown> {
  const values: Record<string, unknown> = Object.fromEntries(Object.entries(params).filter(([k]) => !CARD_FIELDS.has(k)));
  const sepa = params.sepa as { name?: unknown } | undefined;
  if (sepa && typeof sepa === 'object') values.sepa = { name: sepa.name };
  return values;
}

// POST (server action) — automatic tax: the address and tax ID typed so far, priced before the customer pays (the page's script)
export async function taxInputsAction(sessionId: string, form: FormData): Promise<void> {
  await changeTaxInputs(await getDb(), sessionId, taxFormPart(formParams(form)));
  revalidatePath(`/c/${sessionId}`);
}

export async function payAction(sessionId: string, _: PayState, form: FormData): Promise<PayState> {
  const params = formParams(form);
  const db = await getDb();
  // "Update total" (without JavaScript): the same as taxInputsAction, the form kept as typed.
  if (params.intent === 'update_tax') {
    await changeTaxInputs(db, sessionId, taxFormPart(params));
    revalidatePath(`/c/${sessionId}`);
    return { result: null, values: echoed(params) };
  }
  // "Use this shipping method" (without JavaScript): the same as shippingRateAction, the form kept as typed.
  if (params.intent === 'update_shipping') {
    const chosen = await selectShippingRate(db, sessionId, typeof params.shipping_rate === 'string' ? params.shipping_rate : '');
    revalidatePath(`/c/${sessionId}`);
    // A refused choice says why in the form's banner, as the script's shipping form says it beside the options.
    return { result: chosen.ok ? null : { state: 'invalid', errors: { cart: chosen.error } }, values: echoed(params) };
  }
  const passToken = (await cookies()).get(PASS_COOKIE)?.value ?? null;
  let result = await confirmPayment(db, { sessionId, form: params, clientKey: clientKeyFrom(await headers()), passToken });
  if (result.state === 'refused' && result.reason === 'in_progress') result = await awaitOtherAttempt(db, sessionId);
  if (result.state === 'complete') redirect(afterPayment(sessionId, result));
  if (result.state === 'requires_action') redirect(`/c/${sessionId}/authenticate`);
  revalidatePath(`/c/${sessionId}`);
  return { result, values: echoed(params) };
}

export async function authenticateAction(sessionId: string, form: FormData): Promise<void> {
  const result = await completeChallenge(await getDb(), { sessionId, result: form.get('result') === 'complete' ? 'complete' : 'fail' });
  if (result.state === 'complete') redirect(afterPayment(sessionId, result));
  const query = result.state === 'declined' ? `?declined=${encodeURIComponent(result.message)}` : '';
  redirect(`/c/${sessionId}${query}`);
}
