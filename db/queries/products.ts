import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../client';
import { products } from '../schema';

export type ProductRow = typeof products.$inferSelect;

export async function findProduct(db: Queryable, p: { accountId: string; id: string }): Promise<ProductRow | null> {
  const rows = await db
    .select()
    .from(products)
    .where(and(eq(products.accountId, p.accountId), eq(products.id, p.id)))
    .limit(1);
  return rows[0] ?? null;
}
