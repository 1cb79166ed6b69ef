import { z } from 'zod';
import { bool, listParams, metadata, rangeQuery, str, unsettable, unsupported } from '@/lib/api/params';

/** Stripe's evidence fields that take a text, with their length limits (20,000 for the long explanations). */
export const EVIDENCE_TEXT_FIELDS = {
  access_activity_log: 20_000,
  billing_address: 5000,
  cancellation_policy_disclosure: 20_000,
  cancellation_rebuttal: 20_000,
  customer_email_address: 5000,
  customer_name: 5000,
  customer_purchase_ip: 5000,
  duplicate_charge_explanation: 20_000,
  duplicate_charge_id: 5000,
  product_description: 20_000,
  refund_policy_disclosure: 20_000,
  refund_refusal_explanation: 20_000,
  service_date: 5000,
  shipping_address: 5000,
  shipping_carrier: 5000,
  shipping_date: 5000,
  shipping_tracking_number: 5000,
  uncategorized_text: 20_000,
} as const;

/** Stripe's evidence fields that take the id of a file uploaded with purpose dispute_evidence. */
export const EVIDENCE_FILE_FIELDS = [
  'cancellation_policy',
  'customer_communication',
  'customer_signature',
  'duplicate_charge_documentation',
  'receipt',
  'refund_policy',
  'service_documentation',
  'shipping_documentation',
  'uncategorized_file',
] as const;

export type EvidenceTextField = keyof typeof EVIDENCE_TEXT_FIELDS;
export type EvidenceFileField = (typeof EVIDENCE_FILE_FIELDS)[number];
export type EvidenceField = EvidenceTextField | EvidenceFileField;

/** Every evidence field Stripe's Dispute shows, in its order. */
export const EVIDENCE_FIELDS: readonly EvidenceField[] = [
  ...(Object.keys(EVIDENCE_TEXT_FIELDS) as EvidenceTextField[]),
  ...EVIDENCE_FILE_FIELDS,
].sort();

/** Stripe's limit on all the text of a dispute's evidence together. */
export const EVIDENCE_MAX_CHARACTERS = 150_000;

// `evidence[field]=` clears a staged field.
const optionalText = (max: number) => unsettable(str(max)).optional();
type OptionalText = ReturnType<typeof optionalText>;
const textFields = Object.fromEntries(Object.entries(EVIDENCE_TEXT_FIELDS).map(([name, max]) => [name, optionalText(max)])) as Record<
  EvidenceTextField,
  OptionalText
>;
const fileFields = Object.fromEntries(EVIDENCE_FILE_FIELDS.map((name) => [name, optionalText(255)])) as Record<
  EvidenceFileField,
  OptionalText
>;

export const updateDisputeSchema = z.strictObject({
  evidence: z
    .strictObject({
      ...textFields,
      ...fileFields,
      // Caisse's disputes are never eligible for enhanced evidence programs, nor appealed.
      enhanced_evidence: unsupported('Caisse offers no enhanced evidence programs: this dispute is not eligible for enhanced_evidence.'),
      appeal: unsupported('Caisse has no dispute appeals: evidence[appeal] is not supported.'),
    })
    .optional(),
  metadata: metadata().optional(),
  submit: bool().optional(),
  intended_submission_method: unsupported('Caisse has no Smart Disputes: intended_submission_method is not supported.'),
  expand: listParams.expand,
});

export type UpdateDisputeParams = z.infer<typeof updateDisputeSchema>;
/** Evidence as an update gives it: a field set to a value, cleared (null), or not given. */
export type EvidenceUpdate = Partial<Record<EvidenceField, string | null>>;

export const listDisputesSchema = z.strictObject({
  ...listParams,
  charge: str(255).optional(),
  payment_intent: str(255).optional(),
  created: rangeQuery().optional(),
});

export type ListDisputesParams = z.infer<typeof listDisputesSchema>;
