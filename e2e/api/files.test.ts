import { describe, expect, it } from 'vitest';
import { newMerchant, rawRequest, stripeError, type Merchant } from '../support/merchant';
import { form, type ErrorBody, type Reply } from './raw-api';

// POST /v1/files as Stripe's SDKs and curl -F send it (multipart/form-data), and what else arrives there.
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const MB = 1024 * 1024;

async function upload(m: Merchant, parts: Record<string, string | Blob>, headers: Record<string, string> = {}): Promise<Reply> {
  const body = new FormData();
  for (const [name, value] of Object.entries(parts))
    if (typeof value === 'string') body.append(name, value);
    else body.append(name, value, 'evidence.bin');
  const res = await rawRequest('/v1/files', { method: 'POST', key: m.secretKey, body, headers });
  return { status: res.status, body: (await res.json()) as unknown };
}

const errorOf = (r: Reply) => (r.body as ErrorBody).error;

describe('uploading files', () => {
  it('the SDK uploads a PNG sent as application/octet-stream: its type comes from its bytes; file.created is recorded', async () => {
    const { stripe } = await newMerchant();
    const file = await stripe.files.create({
      purpose: 'dispute_evidence',
      file: { data: PNG, name: 'photo.bin', type: 'application/octet-stream' },
    });
    expect(file).toMatchObject({ object: 'file', type: 'png', filename: 'photo.bin', size: PNG.length, title: null });
    expect(file.expires_at).toBeGreaterThan(file.created + 260 * 86400);
    const [event] = (await stripe.events.list({ type: 'file.created' })).data;
    expect(event.data.object).toEqual(file);
  });

  it('curl -F with no file, a file given as text, another purpose, an unsupported type → Stripe-shaped 400s on the right parameter', async () => {
    const m = await newMerchant();
    expect(errorOf(await upload(m, { purpose: 'dispute_evidence' }))).toMatchObject({ code: 'parameter_missing', param: 'file' });
    expect(errorOf(await form(m, '/v1/files', 'purpose=dispute_evidence'))).toMatchObject({ code: 'parameter_missing', param: 'file' });
    expect(errorOf(await upload(m, { purpose: 'dispute_evidence', file: 'not a file part' }))).toMatchObject({ param: 'file' });
    expect(errorOf(await upload(m, { purpose: 'business_logo', file: new Blob([PNG]) }))).toMatchObject({ param: 'purpose' });
    expect(errorOf(await upload(m, { file: new Blob([PNG]) }))).toMatchObject({ code: 'parameter_missing', param: 'purpose' });
    const gif = await upload(m, { purpose: 'dispute_evidence', file: new Blob(['GIF89a']) });
    expect(gif.status).toBe(400);
    expect(errorOf(gif)).toMatchObject({
      type: 'invalid_request_error',
      param: 'file',
      message: expect.stringMatching(/PDF, JPEG or PNG/) as unknown,
    });
    const unknown = await upload(m, { purpose: 'dispute_evidence', file: new Blob([PNG]), colour: 'red' });
    expect(errorOf(unknown)).toMatchObject({ code: 'parameter_unknown', param: 'colour' });
  });

  it('a file past 5 MB is refused on `file`; a body far past it with 413', async () => {
    const m = await newMerchant();
    const big = Buffer.alloc(5 * MB + 1);
    PNG.copy(big);
    const tooBig = await upload(m, { purpose: 'dispute_evidence', file: new Blob([big]) });
    expect(tooBig.status).toBe(400);
    expect(errorOf(tooBig)).toMatchObject({ param: 'file', message: expect.stringMatching(/5 MB/) as unknown });
    expect((await upload(m, { purpose: 'dispute_evidence', file: new Blob([Buffer.alloc(6 * MB)]) })).status).toBe(413);
  });

  it('multipart is taken by uploads only; an Idempotency-Key replays the same file and refuses a different one', async () => {
    const m = await newMerchant();
    const body = new FormData();
    body.append('name', 'Lamp');
    const elsewhere = await rawRequest('/v1/products', { method: 'POST', key: m.secretKey, body });
    expect(elsewhere.status).toBe(400);
    const key = { 'idempotency-key': 'upload-1' };
    const first = await upload(m, { purpose: 'dispute_evidence', file: new Blob([PNG]) }, key);
    const replay = await upload(m, { purpose: 'dispute_evidence', file: new Blob([PNG]) }, key);
    expect(replay.body).toEqual(first.body);
    const other = await upload(m, { purpose: 'dispute_evidence', file: new Blob([Buffer.concat([PNG, Buffer.from([1])])]) }, key);
    expect(other.status).toBe(400);
    expect(errorOf(other)).toMatchObject({ type: 'idempotency_error' });
    expect(await stripeError(m.stripe.files.retrieve('file_missing'))).toMatchObject({
      statusCode: 404,
      message: "No such file upload: 'file_missing'",
    });
  });
});
