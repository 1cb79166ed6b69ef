import type { WebhookEndpointRow } from '@/db/queries/webhook-endpoints';
import { unix } from '@/lib/util/time';

/** Stripe's WebhookEndpoint. The signing secret is shown only where the caller asks: create and roll_secret. */
export function serializeWebhookEndpoint(row: WebhookEndpointRow, opts: { withSecret?: boolean } = {}) {
  return {
    id: row.id,
    object: 'webhook_endpoint' as const,
    api_version: row.apiVersion,
    application: null,
    created: unix(row.createdAt),
    description: row.description,
    enabled_events: row.enabledEvents,
    livemode: row.livemode,
    metadata: row.metadata,
    ...(opts.withSecret ? { secret: row.secret } : {}),
    status: row.status as 'enabled' | 'disabled',
    url: row.url,
  };
}

export const serializeDeletedWebhookEndpoint = (id: string) => ({ id, object: 'webhook_endpoint' as const, deleted: true as const });
