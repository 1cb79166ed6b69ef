import { z } from 'zod';
import { listParams, rangeQuery, str, unsupported } from '@/lib/api/params';

// `checkout.session.*`: a `*` only at the end, standing for any rest of the name.
const eventTypePattern = str(5000).refine(
  (v) => !v.slice(0, -1).includes('*'),
  'A wildcard (*) may only end the event type, as in checkout.session.*',
);

export const listEventsSchema = z.strictObject({
  ...listParams,
  created: rangeQuery().optional(),
  delivery_success: unsupported('delivery_success is not supported: Caisse does not filter events by their deliveries'),
  type: eventTypePattern.optional(),
  types: z.array(str(5000)).max(20).optional(),
});

export type ListEventsParams = z.infer<typeof listEventsSchema>;
