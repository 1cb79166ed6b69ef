import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api/errors';
import { useCheckoutDatabase } from '@/lib/checkout/testing/checkout-db';
import { createFile } from '@/lib/files/create-file';
import { fileContentResponse, retrieveFile } from '@/lib/files/file-reads';
import { openDueDisputes } from './open-due-disputes';
import { disputedPayment } from '../testing/disputed-payment';
import { updateDispute } from './update-dispute';

const db = useCheckoutDatabase('caisse_dispute_files');
const T0 = new Date('2026-06-01T12:00:00Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const pdf = new TextEncoder().encode('%PDF-1.4\n%\u00e2\u00e3\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

async function openedDispute() {
  const paid = await disputedPayment(db(), T0);
  await openDueDisputes(db(), paid.openAt);
  return { ...paid, scope: { accountId: paid.accountId } };
}

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected a refusal');
    },
    (e: unknown) => {
      if (e instanceof ApiError) return e;
      throw e;
    },
  );

describe('files as dispute evidence', () => {
  it('an uploaded PDF is a private File of its account, downloadable with its key, and attaches to evidence', async () => {
    const { scope, disputeId } = await openedDispute();
    const file = await createFile(
      db(),
      scope,
      { purpose: 'dispute_evidence', filename: 'receipt.pdf', contentType: 'application/octet-stream', bytes: pdf },
      { now: T0 },
    );
    expect(file).toMatchObject({
      object: 'file',
      purpose: 'dispute_evidence',
      filename: 'receipt.pdf',
      size: pdf.byteLength,
      type: 'pdf',
      title: null,
      created: T0.getTime() / 1000,
      expires_at: Date.parse('2027-03-01T12:00:00Z') / 1000,
      url: expect.stringMatching(new RegExp(`/v1/files/${file.id}/contents$`)) as unknown,
    });
    expect(file.id).toMatch(/^file_[A-Za-z0-9]{24}$/);
    expect(await retrieveFile(db(), { ...scope, id: file.id })).toEqual(file);
    const download = await fileContentResponse(db(), { ...scope, id: file.id }, at(1));
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toBe('attachment; filename="receipt.pdf"');
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(pdf);

    const updated = await updateDispute(
      db(),
      scope,
      disputeId,
      { evidence: { receipt: file.id, uncategorized_file: file.id }, submit: false },
      { now: at(5) },
    );
    expect(updated.evidence).toMatchObject({ receipt: file.id, uncategorized_file: file.id });
  });

  it("refuses another account's file, an unknown one and an expired one on the parameter that named it", async () => {
    const { scope, disputeId } = await openedDispute();
    const other = await disputedPayment(db(), T0);
    const theirs = await createFile(
      db(),
      { accountId: other.accountId },
      { purpose: 'dispute_evidence', filename: null, contentType: null, bytes: pdf },
      { now: T0 },
    );
    for (const id of [theirs.id, 'file_doesnotexist']) {
      const err = await refusal(updateDispute(db(), scope, disputeId, { evidence: { receipt: id }, submit: false }, { now: at(5) }));
      expect(err).toMatchObject({
        status: 400,
        code: 'resource_missing',
        param: 'evidence[receipt]',
        message: `No such file upload: '${id}'`,
      });
    }
    expect((await refusal(retrieveFile(db(), { ...scope, id: theirs.id }))).status).toBe(404);
    const mine = await createFile(
      db(),
      scope,
      { purpose: 'dispute_evidence', filename: null, contentType: null, bytes: pdf },
      { now: at(-300 * 86400) },
    );
    const expired = await refusal(
      updateDispute(db(), scope, disputeId, { evidence: { shipping_documentation: mine.id }, submit: false }, { now: at(5) }),
    );
    expect(expired.param).toBe('evidence[shipping_documentation]');
  });

  it('refuses other purposes, empty and unsupported files; keeps text evidence within 150,000 characters in all', async () => {
    const { scope, disputeId } = await openedDispute();
    const upload = (purpose: string, bytes: Uint8Array) => createFile(db(), scope, { purpose, filename: 'x', contentType: null, bytes });
    expect(await refusal(upload('business_logo', pdf))).toMatchObject({
      param: 'purpose',
      message: expect.stringMatching(/dispute_evidence/) as unknown,
    });
    expect(await refusal(upload('holiday_photos', pdf))).toMatchObject({
      param: 'purpose',
      message: expect.stringMatching(/^Invalid purpose/) as unknown,
    });
    expect(await refusal(upload('dispute_evidence', new Uint8Array()))).toMatchObject({ param: 'file', message: 'The file is empty.' });
    expect(await refusal(upload('dispute_evidence', new TextEncoder().encode('GIF89a')))).toMatchObject({ param: 'file' });

    const long = 'x'.repeat(20_000);
    const fields = [
      'access_activity_log',
      'cancellation_policy_disclosure',
      'cancellation_rebuttal',
      'duplicate_charge_explanation',
      'product_description',
      'refund_policy_disclosure',
      'refund_refusal_explanation',
    ];
    const evidence = Object.fromEntries(fields.map((f) => [f, long]));
    await updateDispute(db(), scope, disputeId, { evidence, submit: false }, { now: at(5) });
    const over = await refusal(
      updateDispute(db(), scope, disputeId, { evidence: { uncategorized_text: long }, submit: false }, { now: at(5) }),
    );
    expect(over).toMatchObject({ param: 'evidence', message: expect.stringMatching(/150,000/) as unknown });
    const fits = await updateDispute(
      db(),
      scope,
      disputeId,
      { evidence: { uncategorized_text: 'x'.repeat(10_000) }, submit: false },
      { now: at(5) },
    );
    expect(fits.evidence.uncategorized_text).toHaveLength(10_000);
  });
});
