'use server';

import { revalidatePath } from 'next/cache';
import { createSecretKey, revokeSecretKey, rollSecretKey, ROLL_EXPIRIES } from '@/lib/accounts/api-keys';
import { fail, ok, parseInput, type ActionResult } from '@/lib/dashboard/action-result';
import { apiCall } from '@/lib/dashboard/api-error-result';
import { requireMerchant } from '@/lib/dashboard/current-merchant';
import { createWebhookEndpoint, deleteWebhookEndpoint, rollWebhookSecret, updateWebhookEndpoint } from '@/lib/events/webhook-endpoints';
import {
  endpointIdSchema,
  resendSchema,
  revokeKeySchema,
  rollKeySchema,
  setEndpointEnabledSchema,
  webhookEndpointFormSchema,
  type RevokeKeyInput,
  type RollKeyInput,
  type WebhookEndpointFormInput,
} from '@/lib/validation/dashboard-developers';
import { resendDeliveryById } from '@/lib/webhooks/delivery-log';

// Every action here starts with requireMerchant() and passes its accountId down: an id of
// another account is "not found" in lib/, exactly as the REST API answers it.

const refresh = () => revalidatePath('/dashboard/developers', 'layout');

// POST (server action) — a new secret API key, returned in clear this once
export async function createSecretKeyAction(): Promise<ActionResult<{ secret: string }>> {
  const { db, accountId } = await requireMerchant();
  const { secret } = await createSecretKey(db, { accountId });
  refresh();
  return ok({ secret });
}

// POST (server action) — roll secret key `id`: a new key (in clear, once); the old one expires after the chosen delay
export async function rollSecretKeyAction(input: RollKeyInput): Promise<ActionResult<{ secret: string }>> {
  const { db, accountId } = await requireMerchant();
  const parsed = parseInput(rollKeySchema, input);
  if (!parsed.ok) return parsed.result;
  const done = await apiCall(() => rollSecretKey(db, { accountId, id: parsed.data.id, expiresIn: parsed.data.expiresIn }));
  if (!done.ok) return done.result;
  refresh();
  return ok({ secret: done.value.secret });
}

// POST (server action) — revoke secret key `id` now; the last live one only with confirmLast
export async function revokeSecretKeyAction(input: RevokeKeyInput): Promise<ActionResult> {
  const { db, accountId } = await requireMerchant();
  const parsed = parseInput(revokeKeySchema, input);
  if (!parsed.ok) return parsed.result;
  const done = await apiCall(() => revokeSecretKey(db, { accountId, ...parsed.data }));
  if (!done.ok) return done.result;
  if (!done.value.ok) return fail(done.value.reason);
  refresh();
  return ok();
}

// The dashboard form in the REST API's parameter names, so lib/events/webhook-endpoints.ts behaves as for the API.
const endpointParams = (v: WebhookEndpointFormInput) => ({
  url: v.url,
  description: v.description || null,
  enabled_events: [...new Set(v.enabledEvents)],
});

// POST (server action) — add a webhook endpoint; returns its signing secret, shown once
export async function createWebhookEndpointAction(input: WebhookEndpointFormInput): Promise<ActionResult<{ id: string; secret: string }>> {
  const { db, accountId } = await requireMerchant();
  const parsed = parseInput(webhookEndpointFormSchema, input);
  if (!parsed.ok) return parsed.result;
  const done = await apiCall(() => createWebhookEndpoint(db, { accountId }, endpointParams(parsed.data)));
  if (!done.ok) return done.result;
  refresh();
  return ok({ id: done.value.id, secret: done.value.secret! });
}

// POST (server action) — edit webhook endpoint `id` (url, description, enabled events)
export async function updateWebhookEndpointAction(id: string, input: WebhookEndpointFormInput): Promise<ActionResult> {
  const { db, accountId } = await requireMerchant();
  const parsedId = parseInput(endpointIdSchema, { id });
  const parsed = parseInput(webhookEndpointFormSchema, input);
  if (!parsedId.ok) return parsedId.result;
  if (!parsed.ok) return parsed.result;
  const done = await apiCall(() => updateWebhookEndpoint(db, { accountId, id: parsedId.data.id }, endpointParams(parsed.data)));
  if (!done.ok) return done.result;
  refresh();
  return ok();
}

// POST (server action) — disable or re-enable webhook endpoint `id`
export async function setWebhookEndpointEnabledAction(input: { id: string; enabled: boolean }): Promise<ActionResult> {
  const { db, accountId } = await requireMerchant();
  const parsed = parseInput(setEndpointEnabledSchema, input);
  if (!parsed.ok) return parsed.result;
  const done = await apiCall(() => updateWebhookEndpoint(db, { accountId, id: parsed.data.id }, { disabled: !parsed.data.enabled }));
  if (!done.ok) return done.result;
  refresh();
  return ok();
}

// POST (server action) — new signing secret for webhook endpoint `id` (shown once); the old one signs too until the chosen expiry
export async function rollWebhookSecretAction(input: RollKeyInput): Promise<ActionResult<{ secret: string }>> {
  const { db, accountId } = await requireMerchant();
  const parsed = parseInput(rollKeySchema, input);
  if (!parsed.ok) return parsed.result;
  const done = await apiCall(() =>
    rollWebhookSecret(db, { accountId, id: parsed.data.id }, { expires_in: ROLL_EXPIRIES[parsed.data.expiresIn] }),
  );
  if (!done.ok) return done.result;
  refresh();
  return ok({ secret: done.value.secret! });
}

// POST (server action) — delete webhook endpoint `id` (its delivery history stays)
export async function deleteWebhookEndpointAction(input: { id: string }): Promise<ActionResult> {
  const { db, accountId } = await requireMerchant();
  const parsed = parseInput(endpointIdSchema, input);
  if (!parsed.ok) return parsed.result;
  const done = await apiCall(() => deleteWebhookEndpoint(db, { accountId, id: parsed.data.id }));
  if (!done.ok) return done.result;
  refresh();
  return ok();
}

// POST (server action) — send delivery `deliveryId` again now, with a fresh set of retries
export async function resendDeliveryAction(input: { deliveryId: string }): Promise<ActionResult> {
  const { db, accountId } = await requireMerchant();
  const parsed = parseInput(resendSchema, input);
  if (!parsed.ok) return parsed.result;
  const done = await apiCall(() => resendDeliveryById(db, { accountId, id: parsed.data.deliveryId }));
  if (!done.ok) return done.result;
  refresh();
  return ok();
}
