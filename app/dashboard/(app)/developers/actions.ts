'use server';

import { z } from 'zod';
import { merchantAction, merchantIdAction, type ActionOptions } from '@/lib/actions/action';
import { ActionError } from '@/lib/actions/errors';
import { createSecretKey, revokeSecretKey, rollSecretKey, ROLL_EXPIRIES } from '@/lib/accounts/api-keys';
import { createWebhookEndpoint, deleteWebhookEndpoint, rollWebhookSecret, updateWebhookEndpoint } from '@/lib/events/webhook-endpoints';
import {
  endpointIdSchema,
  resendSchema,
  revokeKeySchema,
  rollKeySchema,
  setEndpointEnabledSchema,
  webhookEndpointFormSchema,
  type WebhookEndpointFormInput,
} from '@/lib/validation/dashboard-developers';
import { resendDeliveryById } from '@/lib/webhooks/delivery-log';

// Every action here acts for the signed-in account (merchantAction) and passes its accountId down: an id of
// another account is "not found" in lib/, exactly as the REST API answers it.

const revalidate = [{ path: '/dashboard/developers', type: 'layout' }] as const;
const KEYS = { messages: 'Dashboard.developers.keys.errors', revalidate } satisfies ActionOptions;
const WEBHOOKS = { messages: 'Dashboard.developers.webhooks.errors', revalidate } satisfies ActionOptions;
const DELIVERIES = { messages: 'Dashboard.developers.deliveries.errors', revalidate } satisfies ActionOptions;

// POST (server action) — a new secret API key, returned in clear this once
export const createSecretKeyAction = merchantAction(
  z.undefined(),
  async (_, { db, accountId }) => ({ secret: (await createSecretKey(db, { accountId })).secret }),
  KEYS,
);

// POST (server action) — roll secret key `id`: a new key (in clear, once); the old one expires after the chosen delay
export const rollSecretKeyAction = merchantAction(
  rollKeySchema,
  async ({ id, expiresIn }, { db, accountId }) => ({ secret: (await rollSecretKey(db, { accountId, id, expiresIn })).secret }),
  KEYS,
);

// POST (server action) — revoke secret key `id` now; the last live one only with confirmLast
export const revokeSecretKeyAction = merchantAction(
  revokeKeySchema,
  async (v, { db, accountId }) => {
    const revoked = await revokeSecretKey(db, { accountId, ...v });
    if (!revoked.ok) throw new ActionError(revoked.reason);
  },
  KEYS,
);

/** The signing secret an endpoint is serialized with right after it is created or rolled (withSecret), shown once. */
function secretOf(endpoint: { secret?: string | null }): string {
  if (!endpoint.secret) throw new Error('webhook endpoint serialized without its secret');
  return endpoint.secret;
}

// The dashboard form in the REST API's parameter names, so lib/events/webhook-endpoints.ts behaves as for the API.
const endpointParams = (v: WebhookEndpointFormInput) => ({
  url: v.url,
  description: v.description || null,
  enabled_events: [...new Set(v.enabledEvents)],
});

// POST (server action) — add a webhook endpoint; returns its signing secret, shown once
export const createWebhookEndpointAction = merchantAction(
  webhookEndpointFormSchema,
  async (v, { db, accountId }) => {
    const endpoint = await createWebhookEndpoint(db, { accountId }, endpointParams(v));
    return { id: endpoint.id, secret: secretOf(endpoint) };
  },
  WEBHOOKS,
);

// POST (server action) — edit webhook endpoint `id` (url, description, enabled events)
export const updateWebhookEndpointAction = merchantIdAction(
  webhookEndpointFormSchema,
  async (v, { db, accountId, id }) => {
    await updateWebhookEndpoint(db, { accountId, id }, endpointParams(v));
  },
  { ...WEBHOOKS, id: endpointIdSchema.shape.id },
);

// POST (server action) — disable or re-enable webhook endpoint `id`
export const setWebhookEndpointEnabledAction = merchantAction(
  setEndpointEnabledSchema,
  async ({ id, enabled }, { db, accountId }) => {
    await updateWebhookEndpoint(db, { accountId, id }, { disabled: !enabled });
  },
  WEBHOOKS,
);

// POST (server action) — new signing secret for webhook endpoint `id` (shown once); the old one signs too until the chosen expiry
export const rollWebhookSecretAction = merchantAction(
  rollKeySchema,
  async ({ id, expiresIn }, { db, accountId }) => ({
    secret: secretOf(await rollWebhookSecret(db, { accountId, id }, { expires_in: ROLL_EXPIRIES[expiresIn] })),
  }),
  WEBHOOKS,
);

// POST (server action) — delete webhook endpoint `id` (its delivery history stays)
export const deleteWebhookEndpointAction = merchantAction(
  endpointIdSchema,
  async ({ id }, { db, accountId }) => {
    await deleteWebhookEndpoint(db, { accountId, id });
  },
  WEBHOOKS,
);

// POST (server action) — send delivery `deliveryId` again now, with a fresh set of retries
export const resendDeliveryAction = merchantAction(
  resendSchema,
  async ({ deliveryId }, { db, accountId }) => {
    await resendDeliveryById(db, { accountId, id: deliveryId });
  },
  DELIVERIES,
);
