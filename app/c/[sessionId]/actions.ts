'use server';

// The hosted page's server actions: thin wrappers over lib/checkout, each a plain form post without JavaScript.
import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { parseFormBody } from '@/lib/api/form-body';
import {
  applyPromotionCode,
  changeQuantity,
  removePromotionCode,
  selectShippingRate,
  setOptionalItem,
  type CartError,
  type CartResult,
} from '@/lib/checkout/cart-actions';
import { completeChallenge } from '@/lib/checkout/authenticate';
import { awaitOtherAttempt } from '@/lib/checkout/await-other-attempt';
import { confirmPayment, type ConfirmResult } from '@/lib/checkout/confirm-payment';
import { requestedQuantity } from '@/lib/checkout/requested-quantity';
import { clientKeyFrom } from '@/lib/security/client-key';

/** Hosted sessions go straight to success_url; embedded ones stay in the frame, whose page tells the merchant's. */
function afterPayment(sessionId: string, result: { redirectUrl: string | null; embedded: boolean }) {
  return result.embedded || !result.redirectUrl ? `/c/${sessionId}` : result.redirectUrl;
}

export type CartActionState = { error: CartError | null };

async function afterCart(sessionId: string, result: CartResult): Promise<CartActionState> {
  revalidatePath(`/c/${sessionId}`);
  return { error: result.ok ? null : result.error };
}

export async function quantityAction(sessionId: string, _: CartActionState, form: FormData): Promise<CartActionState> {
  const quantity = requestedQuantity(form.get('quantity'), form.get('step'));
  if (quantity === null) return { error: 'quantity_out_of_range' };
  return afterCart(sessionId, await changeQuantity(await getDb(), sessionId, String(form.get('line')), quantity));
}

export async function optionalItemAction(sessionId: string, _: CartActionState, form: FormData): Promise<CartActionState> {
  return afterCart(sessionId, await setOptionalItem(await getDb(), sessionId, String(form.get('line')), form.get('selected') === 'true'));
}

export async function shippingRateAction(sessionId: string, _: CartActionState, form: FormData): Promise<CartActionState> {
  return afterCart(sessionId, await selectShippingRate(await getDb(), sessionId, String(form.get('shipping_rate'))));
}

export async function promotionCodeAction(sessionId: string, _: CartActionState, form: FormData): Promise<CartActionState> {
  const db = await getDb();
  if (form.get('remove') === 'true') return afterCart(sessionId, await removePromotionCode(db, sessionId));
  return afterCart(sessionId, await applyPromotionCode(db, sessionId, String(form.get('code') ?? ''), clientKeyFrom(await headers())));
}

/** What the pay form shows after an attempt: errors by field, and what the customer typed (never card data). */
export type PayState = {
  result: Extract<ConfirmResult, { state: 'declined' | 'invalid' | 'closed' | 'refused' }> | null;
  values: Record<string, unknown>;
};

const CARD_FIELDS = new Set(['card', 'sepa']);

/** The form's fields as nested params: react-hook-form names them `card.number`, forms post them as given. */
function formParams(form: FormData) {
  const pairs = [...form.entries()]
    .filter((e): e is [string, string] => typeof e[1] === 'string' && !e[0].startsWith('$'))
    .map(([k, v]): [string, string] => [k.replace(/\.([^.]+)/g, '[$1]'), v]);
  return parseFormBody(new URLSearchParams(pairs));
}

export async function payAction(sessionId: string, _: PayState, form: FormData): Promise<PayState> {
  const params = formParams(form);
  const db = await getDb();
  let result = await confirmPayment(db, { sessionId, form: params, clientKey: clientKeyFrom(await headers()) });
  if (result.state === 'refused' && result.reason === 'in_progress') result = await awaitOtherAttempt(db, sessionId);
  if (result.state === 'complete') redirect(afterPayment(sessionId, result));
  if (result.state === 'requires_action') redirect(`/c/${sessionId}/authenticate`);
  revalidatePath(`/c/${sessionId}`);
  const values: Record<string, unknown> = Object.fromEntries(Object.entries(params).filter(([k]) => !CARD_FIELDS.has(k)));
  // The account holder comes back, the IBAN does not: like a card number, it is typed again.
  const sepa = params.sepa as { name?: unknown } | undefined;
  if (sepa && typeof sepa === 'object') values.sepa = { name: sepa.name };
  return { result, values };
}

export async function authenticateAction(sessionId: string, form: FormData): Promise<void> {
  const result = await completeChallenge(await getDb(), { sessionId, result: form.get('result') === 'complete' ? 'complete' : 'fail' });
  if (result.state === 'complete') redirect(afterPayment(sessionId, result));
  const query = result.state === 'declined' ? `?declined=${encodeURIComponent(result.message)}` : '';
  redirect(`/c/${sessionId}${query}`);
}
