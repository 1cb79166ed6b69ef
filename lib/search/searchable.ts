import { eq, isNull, type SQL } from 'drizzle-orm';
import { customers, prices, products } from '@/db/schema';
import type { SearchFields } from './query-sql';

/**
 * What each search endpoint searches: Stripe's query fields for the resource and the rows a list of
 * it would show (no inline prices, no deleted customers).
 */
export const SEARCHABLE = {
  products: {
    table: products,
    kind: 'product',
    always: [] as SQL[],
    fields: {
      active: { type: 'token', column: products.active },
      description: { type: 'string', column: products.description },
      metadata: { type: 'metadata', column: products.metadata },
      name: { type: 'string', column: products.name },
      shippable: { type: 'token', column: products.shippable },
      url: { type: 'string', column: products.url },
    } satisfies SearchFields,
  },
  prices: {
    table: prices,
    kind: 'price',
    always: [eq(prices.inline, false)],
    fields: {
      active: { type: 'token', column: prices.active },
      currency: { type: 'token', column: prices.currency },
      lookup_key: { type: 'string', column: prices.lookupKey },
      metadata: { type: 'metadata', column: prices.metadata },
      product: { type: 'string', column: prices.productId },
      type: { type: 'token', column: prices.type },
    } satisfies SearchFields,
  },
  customers: {
    table: customers,
    kind: 'customer',
    always: [isNull(customers.deletedAt)],
    fields: {
      created: { type: 'created', column: customers.createdAt },
      email: { type: 'string', column: customers.email },
      metadata: { type: 'metadata', column: customers.metadata },
      name: { type: 'string', column: customers.name },
      phone: { type: 'string', column: customers.phone },
    } satisfies SearchFields,
  },
};

export type SearchableResource = keyof typeof SEARCHABLE;
