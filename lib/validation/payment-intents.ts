import { z } from 'zod';
import { listParams, rangeQuery, str } from '@/lib/api/params';

export const listPaymentIntentsSchema = z.strictObject({
  ...listParams,
  customer: str(255).optional(),
  created: rangeQuery().optional(),
});

export type ListPaymentIntentsParams = z.infer<typeof listPaymentIntentsSchema>;
