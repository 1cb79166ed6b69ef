import type { Db } from '@/db/client';
import { insertFile } from '@/db/queries/files';
import type { AccountScope } from '@/db/scope';
import { invalidRequest } from '@/lib/api/errors';
import { assertStorableText } from '@/lib/api/form-body';
import { serializeFile } from '@/lib/api/serialize/file';
import { env } from '@/lib/env';
import { recordEvent } from '@/lib/events/record-event';
import { newId } from '@/lib/util/ids';
import { checkFile, FILE_MAX_BYTES } from './check-file';

/** The purposes Stripe takes on upload (FileCreateParams.Purpose); Caisse keeps dispute evidence only. */
const STRIPE_PURPOSES = [
  'account_requirement',
  'additional_verification',
  'business_icon',
  'business_logo',
  'customer_signature',
  'dispute_evidence',
  'identity_document',
  'issuing_regulatory_reporting',
  'pci_document',
  'platform_terms_of_service',
  'tax_document_user_upload',
  'terminal_android_apk',
  'terminal_reader_splashscreen',
  'terminal_wifi_certificate',
  'terminal_wifi_private_key',
];

/** Stripe keeps dispute evidence for 9 months. */
const KEPT_MONTHS = 9;

export type NewFile = { purpose: string; filename?: string | null; contentType?: string | null; bytes: Uint8Array };

function checkPurpose(purpose: string): 'dispute_evidence' {
  if (purpose === 'dispute_evidence') return purpose;
  if (STRIPE_PURPOSES.includes(purpose))
    throw invalidRequest(`Caisse keeps uploads for disputes only: purpose must be dispute_evidence, not ${purpose}.`, 'purpose');
  throw invalidRequest(`Invalid purpose: must be one of ${STRIPE_PURPOSES.join(', ')}.`, 'purpose');
}

const PROBLEMS = {
  empty: 'The file is empty.',
  too_large: `The file is too large: files for dispute evidence may be at most ${FILE_MAX_BYTES / (1024 * 1024)} MB.`,
  unsupported_type: 'Invalid file type: dispute evidence must be a PDF, JPEG or PNG file.',
} as const;

/**
 * Keeps an upload (POST /v1/files, and the dashboard's evidence form): its purpose checked, its type
 * read from its bytes, owned by the account and private to it. Records `file.created`; answers the
 * File object. `contentType` is what the client declared: Caisse goes by the bytes instead.
 */
export async function createFile(db: Db, scope: AccountScope, p: NewFile, opts: { now?: Date } = {}) {
  const now = opts.now ?? new Date();
  const purpose = checkPurpose(p.purpose);
  const checked = checkFile(p.bytes);
  if (!checked.ok) throw invalidRequest(PROBLEMS[checked.problem], 'file');
  const filename = p.filename?.trim() ? p.filename.trim() : null;
  if (filename !== null) {
    assertStorableText(filename, 'file');
    if (filename.length > 255) throw invalidRequest('Invalid file name: at most 255 characters.', 'file');
  }
  const expiresAt = new Date(now);
  expiresAt.setUTCMonth(expiresAt.getUTCMonth() + KEPT_MONTHS);
  return db.transaction(async (tx) => {
    const row = await insertFile(tx, {
      id: newId('file'),
      accountId: scope.accountId,
      purpose,
      filename,
      type: checked.type,
      size: p.bytes.byteLength,
      data: Buffer.from(p.bytes),
      expiresAt,
      createdAt: now,
    });
    const object = serializeFile(row, env().APP_URL);
    await recordEvent(tx, { accountId: scope.accountId, type: 'file.created', object, request: scope.request });
    return object;
  });
}
