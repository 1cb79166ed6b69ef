import type { Queryable } from '@/db/client';
import { findFile, findFileContent, type FileRow } from '@/db/queries/files';
import type { AccountScope } from '@/db/scope';
import { noSuchObject } from '@/lib/api/errors';
import { serializeFile } from '@/lib/api/serialize/file';
import { env } from '@/lib/env';
import { CONTENT_TYPES } from './check-file';

/** Stripe's word for a File in its errors. */
const KIND = 'file upload';

const expired = (row: FileRow, now: Date) => row.expiresAt !== null && row.expiresAt <= now;

export async function retrieveFile(db: Queryable, scope: AccountScope & { id: string }) {
  const row = await findFile(db, scope);
  if (!row) throw noSuchObject(KIND, scope.id);
  return serializeFile(row, env().APP_URL);
}

/**
 * A file's bytes, for its owner only (the secret key, as Stripe's file URLs ask), as an attachment the
 * browser will not render in Caisse's origin. Gone once the file has expired.
 */
export async function fileContentResponse(db: Queryable, scope: AccountScope & { id: string }, now = new Date()): Promise<Response> {
  const row = await findFileContent(db, scope);
  if (!row || expired(row, now)) throw noSuchObject(KIND, scope.id);
  const name = (row.filename ?? `${row.id}.${row.type}`).replace(/[^\w.-]/g, '_');
  return new Response(new Uint8Array(row.data), {
    headers: {
      'content-type': CONTENT_TYPES[row.type],
      'content-length': String(row.size),
      'content-disposition': `attachment; filename="${name}"`,
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
    },
  });
}

/**
 * The file a dispute's evidence field names: one of the account's, not expired, else Stripe's error on
 * that parameter. Every file Caisse keeps was uploaded with purpose dispute_evidence (FilePurpose):
 * should it keep others one day, this is where evidence refuses them.
 */
export async function checkEvidenceFile(db: Queryable, p: { accountId: string; id: string; param: string; now: Date }): Promise<void> {
  const row = await findFile(db, p);
  if (!row || expired(row, p.now)) throw noSuchObject(KIND, p.id, p.param, 400);
}
