import { z } from 'zod';
import { isSubscribableEventType } from '@/lib/events/event-types';
import { parseHttpUrl } from '@/lib/util/http-url';

/** The developers area's forms. Messages are keys of Dashboard.developers.errors. */

const id = z.string().min(1).max(100);

export const rollKeySchema = z.object({ id, expiresIn: z.enum(['now', '1h', '24h', '7d'], 'expiry_required') });
export type RollKeyInput = z.infer<typeof rollKeySchema>;

export const revokeKeySchema = z.object({ id, confirmLast: z.boolean() });
export type RevokeKeyInput = z.infer<typeof revokeKeySchema>;

// The same bounds as the API's webhook endpoint schema (lib/validation/webhook-endpoints.ts).
export const webhookEndpointFormSchema = z.object({
  url: z
    .string()
    .trim()
    .min(1, 'url_required')
    .max(5000, 'url_invalid')
    .refine((v) => parseHttpUrl(v) !== null, 'url_invalid'),
  description: z.string().trim().max(5000, 'description_too_long'),
  enabledEvents: z.array(z.string().refine(isSubscribableEventType, 'event_unknown')).min(1, 'events_required').max(400, 'events_too_many'),
});
export type WebhookEndpointFormInput = z.infer<typeof webhookEndpointFormSchema>;

export const endpointIdSchema = z.object({ id });
export const setEndpointEnabledSchema = z.object({ id, enabled: z.boolean() });
export const resendSchema = z.object({ deliveryId: id });
