import { z } from 'zod';
import { bool, listParams, rangeQuery, str } from '@/lib/api/params';

export const listInvoiceItemsSchema = z.strictObject({
  ...listParams,
  created: rangeQuery().optional(),
  customer: str(255).optional(),
  invoice: str(255).optional(),
  pending: bool().optional(),
});

export type ListInvoiceItemsParams = z.infer<typeof listInvoiceItemsSchema>;
