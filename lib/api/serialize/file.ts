import type { FileRow } from '@/db/queries/files';
import { unix, unixOrNull } from '@/lib/util/time';

/** Where a file's bytes are read, with the account's secret key (as Stripe's files.stripe.com/v1/files/{id}/contents). */
export const fileContentsUrl = (appUrl: string, id: string) => `${appUrl}/v1/files/${id}/contents`;

/** Stripe's File object. No `links`: Caisse has no file links. */
export function serializeFile(row: FileRow, appUrl: string) {
  return {
    id: row.id,
    object: 'file' as const,
    created: unix(row.createdAt),
    expires_at: unixOrNull(row.expiresAt),
    filename: row.filename,
    purpose: row.purpose,
    size: row.size,
    title: null,
    type: row.type,
    url: fileContentsUrl(appUrl, row.id),
  };
}
