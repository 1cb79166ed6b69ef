import { and, eq, getTableColumns } from 'drizzle-orm';
import type { Queryable } from '../client';
import { files } from '../schema';

export type FileRow = Omit<typeof files.$inferSelect, 'data'>;
export type NewFileRow = typeof files.$inferInsert;

// Everything but the bytes: what the File object shows.
const { data, ...described } = getTableColumns(files);

/** Keeps an (already checked) upload, owned by the account; the row without its bytes. */
export async function insertFile(db: Queryable, p: NewFileRow): Promise<FileRow> {
  const [row] = await db.insert(files).values(p).returning(described);
  return row;
}

/** One of the account's files, without its bytes. */
export async function findFile(db: Queryable, p: { accountId: string; id: string }): Promise<FileRow | null> {
  const rows = await db
    .select(described)
    .from(files)
    .where(and(eq(files.accountId, p.accountId), eq(files.id, p.id)))
    .limit(1);
  return rows.at(0) ?? null;
}

/** One of the account's files with its bytes, for a download. */
export async function findFileContent(db: Queryable, p: { accountId: string; id: string }): Promise<(FileRow & { data: Buffer }) | null> {
  const rows = await db
    .select()
    .from(files)
    .where(and(eq(files.accountId, p.accountId), eq(files.id, p.id)))
    .limit(1);
  return rows.at(0) ?? null;
}
