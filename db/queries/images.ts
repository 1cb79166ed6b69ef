import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../client';
import { images } from '../schema';

export type NewImageRow = typeof images.$inferInsert;

/** Keeps an (already checked) upload, owned by the account. */
export async function insertImage(db: Queryable, p: NewImageRow): Promise<void> {
  await db.insert(images).values(p);
}

/** An image's type and bytes, by id alone: images are public like the pages that show them. */
export async function findImageContent(db: Queryable, p: { id: string }): Promise<{ contentType: string; data: Buffer } | null> {
  const rows = await db.select({ contentType: images.contentType, data: images.data }).from(images).where(eq(images.id, p.id)).limit(1);
  return rows.at(0) ?? null;
}

/** Whether the image belongs to the account. */
export async function imageBelongsToAccount(db: Queryable, p: { accountId: string; id: string }): Promise<boolean> {
  const rows = await db
    .select({ id: images.id })
    .from(images)
    .where(and(eq(images.id, p.id), eq(images.accountId, p.accountId)))
    .limit(1);
  return rows.length > 0;
}
