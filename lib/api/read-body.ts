import { ApiError, invalidRequest } from './errors';
import { assertStorableText, MAX_DEPTH, parseFormBody, type FormValue } from './form-body';

export const MAX_BODY_BYTES = 1024 * 1024;

const tooLarge = (max: number) =>
  new ApiError({ status: 413, type: 'invalid_request_error', message: `Request bodies are limited to ${max} bytes.` });

/** The request's body as bytes, refused (413) past `max` bytes whether declared or streamed. */
export async function readCappedBytes(req: Request, max: number): Promise<Buffer> {
  const declared = Number(req.headers.get('content-length') ?? '0');
  if (declared > max) throw tooLarge(max);
  if (!req.body) return Buffer.alloc(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw tooLarge(max);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** The request's parameters: form-encoded or JSON body, with the same nesting rules. */
export async function readBody(req: Request): Promise<Record<string, FormValue>> {
  const text = (await readCappedBytes(req, MAX_BODY_BYTES)).toString('utf8');
  if (text.trim() === '') return {};
  const type = (req.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'application/json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw invalidRequest('Invalid JSON received: the request body could not be parsed.');
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
      throw invalidRequest('Invalid JSON received: the body must be an object.');
    return jsonToParams(parsed as Record<string, unknown>);
  }
  if (type && type !== 'application/x-www-form-urlencoded')
    throw invalidRequest(`Invalid Content-Type: ${type}. Send application/x-www-form-urlencoded or application/json.`);
  return parseFormBody(new URLSearchParams(text));
}

/** JSON numbers and booleans are kept; null means "unset", like an empty form value. */
function jsonToParams(value: Record<string, unknown>): Record<string, FormValue> {
  const convert = (v: unknown, path: string, depth: number): FormValue => {
    if (depth > MAX_DEPTH) throw invalidRequest(`Parameter nesting is too deep: ${path}`, path);
    if (v === null) return '';
    if (typeof v === 'string') assertStorableText(v, path);
    if (Array.isArray(v)) return v.map((x, i) => convert(x, `${path}[${i}]`, depth + 1));
    if (typeof v === 'object')
      return Object.fromEntries(
        Object.entries(v).map(([k, x]) => {
          assertStorableText(k, path ? `${path}[${k}]` : k);
          return [k, convert(x, path ? `${path}[${k}]` : k, depth + 1)];
        }),
      );
    return v as string;
  };
  return convert(value, '', 0) as Record<string, FormValue>;
}
