import { z } from 'zod';
import { expand, int, nonEmptyStr, str } from '@/lib/api/params';

/** GET /v1/{products,prices,customers}/search: Stripe's SearchParams. `expand[]=total_count` counts every match. */
export const searchSchema = z.strictObject({
  query: nonEmptyStr(10000),
  limit: int({ min: 1, max: 100 }).optional(),
  page: str(5000).optional(),
  expand: expand(),
});

export type SearchRequestParams = z.infer<typeof searchSchema>;
