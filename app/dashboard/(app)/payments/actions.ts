'use server';

import { merchantAction, merchantIdAction, type ActionOptions } from '@/lib/actions/action';
import { ActionError } from '@/lib/actions/errors';
import { captureInput, chargeIntentId, refundInput } from '@/lib/dashboard/payment-action-input';
import { checkFile } from '@/lib/files/check-file';
import { createFile } from '@/lib/files/create-file';
import { cancelPaymentIntent } from '@/lib/payments/authorizations/cancel-payment-intent';
import { capturePaymentIntent } from '@/lib/payments/authorizations/capture-payment-intent';
import { closeDispute } from '@/lib/payments/disputes/close-dispute';
import { createRefund } from '@/lib/payments/refunds/create-refund';
import { updateDispute } from '@/lib/payments/disputes/update-dispute';
import {
  cancelPaymentFormSchema,
  captureFormSchema,
  disputeEvidenceFormSchema,
  EVIDENCE_FILE_FIELDS,
  EVIDENCE_TEXT_FIELDS,
  evidenceFileUploadSchema,
  evidenceParams,
  refundFormSchema,
  refundReason,
} from '@/lib/validation/dashboard-payments';
import { z } from 'zod';

// Every payment action refreshes the payments pages and the sessions' (a session's page shows its payment's refunds and dispute).
const PAYMENTS = {
  messages: 'Dashboard.payments.errors',
  revalidate: [
    { path: '/dashboard/payments', type: 'layout' },
    { path: '/dashboard/sessions', type: 'layout' },
  ],
} satisfies ActionOptions;

// POST (server action) — refund one of the account's charges (id), in full or in part, with a reason (lib/payments createRefund, as POST /v1/refunds)
export const refundPaymentAction = merchantIdAction(
  refundFormSchema,
  async (v, { db, accountId, id }) => {
    const { amount } = await refundInput(db, { accountId }, id, v);
    const reason = refundReason(v.reason);
    await createRefund(db, { accountId }, { charge: id, amount, ...(reason ? { reason } : {}) });
  },
  { ...PAYMENTS, apiFields: { amount: 'amount', reason: 'reason' } },
);

// POST (server action) — capture the authorization behind a charge (id), in full or less (lib/payments capturePaymentIntent, as POST /v1/payment_intents/:id/capture)
export const capturePaymentAction = merchantIdAction(
  captureFormSchema,
  async (v, { db, accountId, id }) => {
    const { paymentIntentId, amount } = await captureInput(db, { accountId }, id, v);
    await capturePaymentIntent(db, { accountId }, paymentIntentId, { amount_to_capture: amount });
  },
  { ...PAYMENTS, apiFields: { amount_to_capture: 'amount' } },
);

// POST (server action) — cancel the payment intent behind an uncaptured charge (id), releasing it (lib/payments cancelPaymentIntent, as POST /v1/payment_intents/:id/cancel)
export const cancelPaymentAction = merchantIdAction(
  cancelPaymentFormSchema,
  async (v, { db, accountId, id }) => {
    const paymentIntentId = await chargeIntentId(db, { accountId }, id);
    await cancelPaymentIntent(db, { accountId }, paymentIntentId, v.reason ? { cancellation_reason: v.reason } : {});
  },
  PAYMENTS,
);

// What lib/files finds wrong with an upload's bytes, in the evidence form's words (createFile checks them again).
const FILE_PROBLEMS = { empty: 'file_empty', too_large: 'file_too_large', unsupported_type: 'file_type' } as const;

// POST (server action) — store one dispute evidence file (FormData field `file`: PDF, PNG or JPEG) and answer its id (lib/files createFile, as POST /v1/files)
export const uploadEvidenceFileAction = merchantAction(
  evidenceFileUploadSchema,
  async ({ file }, { db, accountId }) => {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const checked = checkFile(bytes);
    if (!checked.ok) throw new ActionError(FILE_PROBLEMS[checked.problem]);
    const created = await createFile(
      db,
      { accountId },
      { purpose: 'dispute_evidence', filename: file.name, contentType: file.type, bytes },
    );
    return { id: created.id, filename: created.filename ?? file.name };
  },
  { messages: PAYMENTS.messages, invalid: 'form' },
);

// POST (server action) — submit evidence on one of the account's disputes (id) (lib/payments updateDispute with submit, as POST /v1/disputes/:id)
export const submitEvidenceAction = merchantIdAction(
  disputeEvidenceFormSchema,
  async (v, { db, accountId, id }) => {
    const evidence = evidenceParams(v);
    if (Object.keys(evidence).length === 0) throw new ActionError('evidence_empty');
    await updateDispute(db, { accountId }, id, { evidence, submit: true });
  },
  // A refused field (a file of another account, too much text) is shown on its own field.
  { ...PAYMENTS, apiFields: Object.fromEntries([...EVIDENCE_TEXT_FIELDS, ...EVIDENCE_FILE_FIELDS].map((f) => [`evidence[${f}]`, f])) },
);

// POST (server action) — accept (close) one of the account's disputes (id) (lib/payments closeDispute, as POST /v1/disputes/:id/close)
export const acceptDisputeAction = merchantIdAction(
  z.undefined(),
  async (_v, { db, accountId, id }) => {
    await closeDispute(db, { accountId }, id);
  },
  PAYMENTS,
);
