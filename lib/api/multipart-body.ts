import { invalidRequest } from './errors';
import { assertStorableText, parseFormBody, type FormValue } from './form-body';
import { readCappedBytes } from './read-body';

/** A file part of a multipart/form-data body: its name and declared type as the client sent them, and its bytes. */
export type Upload = { filename: string | null; contentType: string | null; bytes: Uint8Array };

/** Room for the parts' headers and the text fields around the largest file a route takes. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

export const isMultipart = (req: Request) =>
  (req.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase() === 'multipart/form-data';

/**
 * A multipart/form-data body (Stripe's file uploads): the text fields as parameters, with the same
 * nesting rules as a form body, and the file parts apart. At most `maxFileBytes` of file and a little
 * more for the rest; a part named twice, or a body that is not multipart after all, is refused.
 */
export async function readMultipartBody(
  req: Request,
  maxFileBytes: number,
): Promise<{ input: Record<string, FormValue>; uploads: Record<string, Upload> }> {
  const bytes = await readCappedBytes(req, maxFileBytes + MULTIPART_OVERHEAD_BYTES);
  let form: FormData;
  try {
    // The body is already read and capped; undici's parser does the rest.
    form = await new Response(new Uint8Array(bytes), { headers: { 'content-type': req.headers.get('content-type') ?? '' } }).formData();
  } catch {
    throw invalidRequest('Invalid multipart/form-data body: it could not be parsed.');
  }
  const text = new URLSearchParams();
  const uploads = new Map<string, Upload>();
  const seen = new Set<string>();
  for (const [name, value] of form) {
    assertStorableText(name, name);
    if (typeof value === 'string') {
      text.append(name, value);
      continue;
    }
    if (seen.has(name)) throw invalidRequest(`Received more than one file for ${name}: send one file per parameter.`, name);
    seen.add(name);
    uploads.set(name, {
      filename: value.name === '' ? null : value.name,
      contentType: value.type === '' ? null : value.type,
      bytes: new Uint8Array(await value.arrayBuffer()),
    });
  }
  return { input: parseFormBody(text), uploads: Object.fromEntries(uploads) };
}
