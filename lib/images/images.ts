import type { Queryable } from '@/db/client';
import { findImageContent, imageBelongsToAccount, insertImage } from '@/db/queries/images';
import { env } from '@/lib/env';
import { newId } from '@/lib/util/ids';
import { checkImage, type ImageProblem } from './check-image';

export type StoredImage = { id: string; url: string; width: number; height: number };

/** Where an image is served: on Caisse's own host, with a path that never changes meaning. */
export function imageUrl(id: string): string {
  return `${env().APP_URL}/files/${id}`;
}

/** The image id behind one of Caisse's own /files URLs (as imageUrl makes them), else null. */
export function ownImageId(url: string | null | undefined): string | null {
  const prefix = `${env().APP_URL}/files/`;
  if (!url?.startsWith(prefix)) return null;
  const id = url.slice(prefix.length);
  return /^img_[A-Za-z0-9]{24}$/.test(id) ? id : null;
}

/** Checks an upload by its bytes and keeps it in the database, owned by the account. */
export async function storeImage(
  db: Queryable,
  p: { accountId: string; bytes: Uint8Array },
): Promise<{ ok: true; image: StoredImage } | { ok: false; problem: ImageProblem }> {
  const checked = checkImage(p.bytes);
  if (!checked.ok) return checked;
  const id = newId('img');
  const { contentType, width, height } = checked.image;
  await insertImage(db, {
    id,
    accountId: p.accountId,
    contentType,
    width,
    height,
    byteSize: p.bytes.byteLength,
    data: Buffer.from(p.bytes),
  });
  return { ok: true, image: { id, url: imageUrl(id), width, height } };
}

/** An image for serving. Ids carry 142 random bits and are public like the pages that show them. */
export async function findImage(db: Queryable, id: string) {
  return findImageContent(db, { id });
}

/** Whether the image belongs to the account (before a form may point at it). */
export async function ownsImage(db: Queryable, p: { accountId: string; id: string }): Promise<boolean> {
  return imageBelongsToAccount(db, p);
}
