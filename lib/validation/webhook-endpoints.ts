import { z } from 'zod';
import { bool, expand, int, listParams, metadata, str, unsettable, url } from '@/lib/api/params';
import { API_VERSION } from '@/lib/events/record-event';
import { isSubscribableEventType } from '@/lib/events/event-types';

const enabledEvents = z
  .array(
    str(255).refine(isSubscribableEventType, {
      error: (iss) => `Unknown event type: '${String(iss.input)}'. Use '*' or an event type Stripe documents`,
    }),
  )
  .min(1)
  .max(400)
  .transform((list) => [...new Set(list)]);

const editable = {
  description: unsettable(str(5000)).optional(),
  metadata: metadata().optional(),
  expand: expand(),
};

export const createWebhookEndpointSchema = z.strictObject({
  ...editable,
  url: url(),
  enabled_events: enabledEvents,
  // Events are rendered in one version only: the one Caisse's objects follow.
  api_version: z
    .literal(API_VERSION, { error: `Invalid api_version: Caisse sends events in ${API_VERSION} only; give that or leave it out` })
    .optional(),
  connect: bool()
    .refine((v) => !v, 'connect is not supported: Caisse has no connected accounts')
    .optional(),
});

export const updateWebhookEndpointSchema = z.strictObject({
  ...editable,
  url: url().optional(),
  enabled_events: enabledEvents.optional(),
  disabled: bool().optional(),
});

export const listWebhookEndpointsSchema = z.strictObject({ ...listParams });

/** Caisse's own: how long the replaced secret keeps signing deliveries, at most a week. */
export const rollWebhookSecretSchema = z.strictObject({
  expires_in: int({ min: 0, max: 7 * 86400 }).optional(),
  expand: expand(),
});

export type CreateWebhookEndpointParams = z.infer<typeof createWebhookEndpointSchema>;
export type UpdateWebhookEndpointParams = z.infer<typeof updateWebhookEndpointSchema>;
export type ListWebhookEndpointsParams = z.infer<typeof listWebhookEndpointsSchema>;
export type RollWebhookSecretParams = z.infer<typeof rollWebhookSecretSchema>;
