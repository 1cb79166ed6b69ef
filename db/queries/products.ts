import { and, eq, inArray } from 'drizzle-orm';
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

export type NewProductRow = typeof products.$inferInsert;
/** The columns an update may set: everything but the keys. */
export type ProductFields = Partial<Omit<NewProductRow, 'id' | 'accountId'>>;

export async function insertProduct(db: Queryable, p: NewProductRow): Promise<ProductRow> {
  const [row] = await db.insert(products).values(p).returning();
  return row;
}

/** Sets the given columns of one of the account's products; the updated row. */
export async function updateProductFields(db: Queryable, p: { accountId: string; id: string; set: ProductFields }): Promise<ProductRow> {
  const [row] = await db
    .update(products)
    .set(p.set)
    .where(and(eq(products.accountId, p.accountId), eq(products.id, p.id)))
    .returning();
  return row;
}

export async function deleteProduct(db: Queryable, p: { accountId: string; id: string }): Promise<void> {
  await db.delete(products).where(and(eq(products.accountId, p.accountId), eq(products.id, p.id)));
}

/** Whether the price is its product's default price (which cannot be archived). */
export async function isDefaultPriceOfProduct(
  db: Queryable,
  p: { accountId: string; productId: string; priceId: string },
): Promise<boolean> {
  const rows = await db
    .select({ id: products.id })
    .from(products)
    .where(and(eq(products.accountId, p.accountId), eq(products.id, p.productId), eq(products.defaultPriceId, p.priceId)));
  return rows.length > 0;
}

/** Which of these ids name products of the account. */
export async function existingProductIds(db: Queryable, p: { accountId: string; ids: string[] }): Promise<string[]> {
  const rows = await db
    .select({ id: products.id })
    .from(products)
    .where(and(eq(products.accountId, p.accountId), inArray(products.id, p.ids)));
  return rows.map((r) => r.id);
}
