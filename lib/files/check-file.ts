import type { StoredFileType } from '@/db/schema';

/** Stripe's limit for dispute evidence uploads: 5 MB a file. */
export const FILE_MAX_BYTES = 5 * 1024 * 1024;

/** What Stripe's dispute evidence takes: PDF, JPEG and PNG, told apart by their first bytes. */
const SIGNATURES: readonly { type: StoredFileType; magic: readonly number[] }[] = [
  { type: 'pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: 'png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'jpg', magic: [0xff, 0xd8, 0xff] },
];

/** The content type a file of each type is served with. */
export const CONTENT_TYPES: Record<StoredFileType, string> = { pdf: 'application/pdf', png: 'image/png', jpg: 'image/jpeg' };

export type FileProblem = 'empty' | 'too_large' | 'unsupported_type';

/**
 * What an upload really is, read from its bytes (never from its name or declared type: Stripe's SDKs
 * send application/octet-stream unless told otherwise), and whether dispute evidence may be it.
 */
export function checkFile(bytes: Uint8Array): { ok: true; type: StoredFileType } | { ok: false; problem: FileProblem } {
  if (bytes.byteLength === 0) return { ok: false, problem: 'empty' };
  if (bytes.byteLength > FILE_MAX_BYTES) return { ok: false, problem: 'too_large' };
  const found = SIGNATURES.find((s) => s.magic.every((b, i) => bytes[i] === b));
  return found ? { ok: true, type: found.type } : { ok: false, problem: 'unsupported_type' };
}
