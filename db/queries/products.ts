import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../client';
import { products } from '../schema';
import { noSuchObject } from '@/lib/api/errors';

export type ProductRow = typeof products.$inferSelect;

export async function findProduct(db: Queryable, p: { accountId: string; id: string }): Promise<ProductRow | null> {
  const rows = await db
    .select()
    .from(products)
    .where(and(eq(products.accountId, p.accountId), eq(products.id, p.id)))
    .limit(1);
  return rows[0] ?? null;
}

export async function getProductOrThrow(
  db: Queryable,
  p: { accountId: string; id: string; param?: string; status?: number },
): Promise<ProductRow> {
  const row = await findProduct(db, p);
  if (!row) throw noSuchObject('product', p.id, p.param ?? 'id', p.status ?? 404);
  return row;
}
