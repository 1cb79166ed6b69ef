import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { giveUpEndpointDeliveries } from '@/db/queries/webhook-deliveries';
import {
  countLiveEndpoints,
  insertWebhookEndpoint,
  lockEndpointCreation,
  markWebhookEndpointDeleted,
  rollEndpointSecret,
  updateWebhookEndpointFields,
} from '@/db/queries/webhook-endpoints';
import { webhookEndpoints } from '@/db/schema';
import { ApiError } from '@/lib/api/errors';
import { listPage } from '@/lib/api/list';
import { initialMetadata, mergeMetadata } from '@/lib/api/params';
import { serializeDeletedWebhookEndpoint, serializeWebhookEndpoint } from '@/lib/api/serialize/webhook-endpoint';
import { newId, randomBase62 } from '@/lib/util/ids';
import { present } from '@/lib/util/present';
import type {
  CreateWebhookEndpointParams,
  ListWebhookEndpointsParams,
  RollWebhookSecretParams,
  UpdateWebhookEndpointParams,
} from '@/lib/validation/webhook-endpoints';
import { getWebhookEndpointOrThrow } from '@/lib/api/get-or-throw';
import '@/lib/security/sealed-columns';
import type { AccountScope } from '@/db/scope';

// Stripe's cap on test-mode endpoints; it also keeps the per-event fan-out query small.
export const MAX_WEBHOOK_ENDPOINTS = 16;
const DEFAULT_ROLL_EXPIRY_SECONDS = 86400;

/** The cap is reached. Stripe gives this error no code; the dashboard tells it apart by its class. */
export class EndpointLimitError extends ApiError {
  constructor() {
    super({
      status: 400,
      type: 'invalid_request_error',
      param: 'url',
      message: `You have reached the maximum of ${MAX_WEBHOOK_ENDPOINTS} webhook endpoints; delete one to add another.`,
    });
  }
}

/** 32 base62 characters (≈ 190 bits); also valid base64, so Standard Webhooks libraries accept the secret too. */
const newSecret = () => `whsec_${randomBase62(32)}`;

export async function createWebhookEndpoint(db: Db, scope: AccountScope, p: CreateWebhookEndpointParams) {
  return db.transaction(async (tx) => {
    // Creates of one account queue here, so two at once cannot both pass the cap.
    await lockEndpointCreation(tx, { accountId: scope.accountId });
    const n = await countLiveEndpoints(tx, { accountId: scope.accountId });
    if (n >= MAX_WEBHOOK_ENDPOINTS) throw new EndpointLimitError();
    const row = await insertWebhookEndpoint(tx, {
      id: newId('we'),
      accountId: scope.accountId,
      url: p.url,
      description: p.description ?? null,
      enabledEvents: p.enabled_events,
      apiVersion: p.api_version ?? null,
      metadata: initialMetadata(p.metadata),
      secret: newSecret(),
    });
    return serializeWebhookEndpoint(row, { withSecret: true });
  });
}

export async function updateWebhookEndpoint(db: Db, scope: AccountScope & { id: string }, p: UpdateWebhookEndpointParams) {
  return db.transaction(async (tx) => {
    const current = await getWebhookEndpointOrThrow(tx, { ...scope, lock: true });
    // Re-enabling starts the failure clock afresh; disabling by hand gives no automatic reason.
    const reenabled = p.disabled === false && current.status === 'disabled';
    const row = await updateWebhookEndpointFields(
      tx,
      { accountId: scope.accountId, id: current.id },
      {
        ...(p.url !== undefined && { url: p.url }),
        ...(p.enabled_events !== undefined && { enabledEvents: p.enabled_events }),
        ...(p.description !== undefined && { description: p.description }),
        ...(p.disabled === true && { status: 'disabled', disabledReason: null }),
        ...(reenabled && { status: 'enabled', disabledReason: null, failingSince: null }),
        metadata: mergeMetadata(current.metadata, p.metadata),
      },
    );
    return serializeWebhookEndpoint(present(row, 'the locked webhook endpoint'));
  });
}

/**
 * Soft delete: the row stays for the delivery history, the API no longer finds
 * it, and deliveries still waiting for it are given up.
 */
export async function deleteWebhookEndpoint(db: Db, scope: AccountScope & { id: string }) {
  return db.transaction(async (tx) => {
    const current = await getWebhookEndpointOrThrow(tx, { ...scope, lock: true });
    await markWebhookEndpointDeleted(tx, { accountId: scope.accountId, id: current.id });
    // One statement however many there are; each event loses one pending webhook, as when the worker settles a delivery.
    await giveUpEndpointDeliveries(tx, { accountId: scope.accountId, endpointId: current.id });
    return serializeDeletedWebhookEndpoint(current.id);
  });
}

/**
 * A new signing secret, shown once. The replaced one keeps signing deliveries
 * (alongside the new) for `expires_in` seconds so that receivers can switch
 * without dropping events; 0 retires it at once. Rolling again within that
 * window retires the older secret.
 */
export async function rollWebhookSecret(db: Db, scope: AccountScope & { id: string }, p: RollWebhookSecretParams) {
  return db.transaction(async (tx) => {
    const current = await getWebhookEndpointOrThrow(tx, { ...scope, lock: true });
    const expiresIn = p.expires_in ?? DEFAULT_ROLL_EXPIRY_SECONDS;
    const row = await rollEndpointSecret(tx, {
      accountId: scope.accountId,
      id: current.id,
      secret: newSecret(),
      previousSecret: expiresIn > 0 ? current.secret : null,
      previousSecretExpiresAt: expiresIn > 0 ? new Date(Date.now() + expiresIn * 1000) : null,
    });
    return serializeWebhookEndpoint(present(row, 'the locked webhook endpoint'), { withSecret: true });
  });
}

export async function retrieveWebhookEndpoint(db: Db, scope: AccountScope & { id: string }) {
  return serializeWebhookEndpoint(await getWebhookEndpointOrThrow(db, scope));
}

export async function listWebhookEndpoints(db: Db, scope: AccountScope, p: ListWebhookEndpointsParams) {
  return listPage(db, webhookEndpoints, {
    accountId: scope.accountId,
    kind: 'webhook endpoint',
    params: p,
    filters: [eq(webhookEndpoints.deleted, false)],
  });
}
