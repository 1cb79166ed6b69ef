import { createHash } from 'node:crypto';
import { getDb, type Db } from '@/db/client';
import { claimIdempotencyKey, completeIdempotencyKey, releaseIdempotencyKey } from '@/db/queries/idempotency';
import { checkApiVersion } from './api-versions';
import { authenticate, checkStripeAccount } from './auth';
import { ApiError, invalidRequest, unexpectedError } from './errors';
import { assertStorableText, parseFormBody, type FormValue } from './form-body';
import { jsonResponse } from './json-response';
import { isMultipart, readMultipartBody, type Upload } from './multipart-body';
import { readBody } from './read-body';
import { requestIdOf } from './request-id';
import '@/lib/security/sealed-columns';
import { log } from '@/lib/log';

export type ApiContext<P> = {
  req: Request;
  db: Db;
  accountId: string;
  livemode: boolean;
  requestId: string;
  idempotencyKey: string | null;
  params: P;
  /** Body parameters for POST, query parameters otherwise. */
  input: Record<string, FormValue>;
  /** The file parts of a multipart/form-data POST, by parameter name (routes that take uploads only). */
  uploads: Partial<Record<string, Upload>>;
  /** What lib/ functions take: the account, and the request that events record. */
  scope: { accountId: string; request: { id: string; idempotencyKey: string | null } };
};

/** `multipart`: the route takes multipart/form-data bodies (file uploads) with files up to `maxFileBytes`. */
type Options = { auth: 'secret' | 'any'; multipart?: { maxFileBytes: number } };

/** What a POST carries: parameters, and files when the route takes uploads and the body is multipart. */
async function readPost(req: Request, options: Options): Promise<{ input: Record<string, FormValue>; uploads: Record<string, Upload> }> {
  if (options.multipart && isMultipart(req)) return readMultipartBody(req, options.multipart.maxFileBytes);
  return { input: await readBody(req), uploads: {} };
}

/** The uploads' part of an idempotent request's fingerprint: a different file is a different request. */
function uploadsDigest(uploads: Record<string, Upload>): string {
  const hash = createHash('sha256');
  for (const [name, u] of Object.entries(uploads).sort(([a], [b]) => a.localeCompare(b)))
    hash.update(`${name}\n${u.filename ?? ''}\n${u.contentType ?? ''}\n`).update(u.bytes);
  return hash.digest('hex');
}

// An in-flight claim older than this belongs to a process that died.
const STALE_IDEMPOTENCY_MS = 60_000;

function json(status: number, body: string, requestId: string, extra: Record<string, string> = {}) {
  return jsonResponse(status, body, {
    'content-type': 'application/json',
    'request-id': requestId,
    'cache-control': 'no-cache, no-store',
    ...extra,
  });
}

function errorResponse(err: unknown, requestId: string): Response {
  if (err instanceof ApiError) return json(err.status, JSON.stringify(err), requestId);
  // Never log request bodies here: they may hold card data.
  log().error({ reqId: requestId, err }, 'unexpected error');
  return json(500, JSON.stringify(unexpectedError(requestId)), requestId);
}

/** Stored replies: successes and card errors, as Stripe keeps once a request has run. */
const remembered = (status: number) => status < 400 || status === 402;

/**
 * Wraps a /v1 route handler: request id, auth, parameter parsing, idempotency
 * and error mapping, once for every endpoint. The handler answers the object to send as JSON, or a
 * Response of its own (a file's contents).
 */
export function withApi<P extends Record<string, string> = Record<string, never>>(
  handler: (ctx: ApiContext<P>) => Promise<object>,
  options: Options = { auth: 'secret' },
) {
  return async (req: Request, route: { params: Promise<P> }): Promise<Response> => {
    const requestId = requestIdOf(req);
    try {
      const db = await getDb();
      const owner = await authenticate(db, req.headers.get('authorization'), options.auth);
      checkApiVersion(req.headers.get('stripe-version'));
      checkStripeAccount(req.headers.get('stripe-account'), req.headers.get('authorization'), owner);
      const isPost = req.method === 'POST';
      const { input, uploads } = isPost
        ? await readPost(req, options)
        : { input: parseFormBody(new URL(req.url).searchParams), uploads: {} };
      const params = await route.params;
      // Undefined on a route without dynamic segments, whatever P says.
      for (const [name, value] of Object.entries((params as P | undefined) ?? {})) assertStorableText(value, name);
      const idempotencyKey = isPost ? req.headers.get('idempotency-key') : null;
      const scope = { accountId: owner.accountId, request: { id: requestId, idempotencyKey } };
      const ctx: ApiContext<P> = {
        req,
        db,
        accountId: owner.accountId,
        livemode: false,
        requestId,
        idempotencyKey,
        params,
        input,
        uploads,
        scope,
      };
      const run = async (): Promise<{ status: number; body: string; download?: Response }> => {
        try {
          const result = await handler(ctx);
          // A file's contents: answered as the handler made it, and never kept for an idempotent replay.
          if (result instanceof Response) return { status: result.status, body: '', download: result };
          return { status: 200, body: JSON.stringify(result) };
        } catch (err) {
          if (err instanceof ApiError) return { status: err.status, body: JSON.stringify(err) };
          throw err;
        }
      };
      if (!idempotencyKey) {
        const out = await run();
        return out.download ?? json(out.status, out.body, requestId);
      }
      if (idempotencyKey.length > 255) throw invalidRequest('Idempotency-Key must be at most 255 characters long.', 'Idempotency-Key');
      const requestHash = createHash('sha256')
        .update(`${new URL(req.url).pathname}\n${JSON.stringify(input)}`)
        .update(Object.keys(uploads).length ? `\n${uploadsDigest(uploads)}` : '')
        .digest('hex');
      const slot = { accountId: owner.accountId, key: idempotencyKey };
      const held = await claimIdempotencyKey(db, { ...slot, requestHash, staleAfterMs: STALE_IDEMPOTENCY_MS });
      if (held) {
        if (held.requestHash !== requestHash)
          throw new ApiError({
            status: 400,
            type: 'idempotency_error',
            code: 'idempotency_key_in_use',
            message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`,
          });
        if (held.state === 'in_flight' || held.responseStatus === null || held.responseBody === null)
          throw new ApiError({
            status: 409,
            type: 'idempotency_error',
            code: 'idempotency_key_in_use',
            message:
              'There is currently another in-progress request using this Idempotent Key (that probably means you submitted twice, and the other request is still going through): please try again later.',
          });
        return json(held.responseStatus, held.responseBody, requestId, {
          'idempotent-replayed': 'true',
          'idempotency-key': idempotencyKey,
        });
      }
      let out: { status: number; body: string; download?: Response };
      try {
        out = await run();
      } catch (err) {
        await releaseIdempotencyKey(db, slot).catch(() => {});
        throw err;
      }
      if (out.download) {
        await releaseIdempotencyKey(db, slot);
        return out.download;
      }
      if (remembered(out.status)) await completeIdempotencyKey(db, { ...slot, status: out.status, body: out.body });
      else await releaseIdempotencyKey(db, slot);
      return json(out.status, out.body, requestId, { 'idempotency-key': idempotencyKey });
    } catch (err) {
      return errorResponse(err, requestId);
    }
  };
}
