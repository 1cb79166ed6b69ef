import type { Queryable } from '@/db/client';
import type { StoredDisputeEvidence } from '@/db/schema';
import { evidenceTooLong } from './dispute-errors';
import { checkEvidenceFile } from '@/lib/files/file-reads';
import { EVIDENCE_FILE_FIELDS, EVIDENCE_MAX_CHARACTERS, type EvidenceField, type EvidenceUpdate } from '@/lib/validation/disputes';

const isFileField = (f: string) => (EVIDENCE_FILE_FIELDS as readonly string[]).includes(f);

/** Whether any evidence is staged. */
export const hasEvidence = (evidence: StoredDisputeEvidence) => Object.values(evidence).some((v) => v !== null);

/**
 * The evidence after an update: the fields given replace the stored ones (null clears one), the others
 * stay as they were staged. File fields must name the account's dispute evidence uploads; the text
 * of all fields together stays within Stripe's 150,000 characters.
 */
export async function mergeEvidence(
  db: Queryable,
  p: { accountId: string; current: StoredDisputeEvidence; update: EvidenceUpdate; now: Date },
): Promise<StoredDisputeEvidence> {
  const next = new Map(Object.entries(p.current));
  for (const [field, value] of Object.entries(p.update) as [EvidenceField, string | null | undefined][]) {
    if (value === undefined) continue;
    if (value === null) {
      next.delete(field);
      continue;
    }
    if (isFileField(field)) await checkEvidenceFile(db, { accountId: p.accountId, id: value, param: `evidence[${field}]`, now: p.now });
    next.set(field, value);
  }
  const merged = Object.fromEntries(next);
  const characters = Object.entries(merged)
    .filter(([f]) => !isFileField(f))
    .reduce((n, [, v]) => n + (v?.length ?? 0), 0);
  if (characters > EVIDENCE_MAX_CHARACTERS) throw evidenceTooLong(characters);
  return merged;
}
