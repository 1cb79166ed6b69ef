import http from 'node:http';
import https from 'node:https';
import { pinnedLookup, resolveDestination, SsrfRefusal, type Resolver } from './ssrf';

export const EXCERPT_BYTES = 1024;

export type PostResult = {
  statusCode: number | null;
  latencyMs: number;
  // First 1 KB of what the receiver answered; all we ever keep of it.
  responseExcerpt: string | null;
  error: string | null;
  // Nothing left this process: the URL or its address was refused.
  refused: boolean;
};

// `resolve` replaces the system resolver (tests use it to give a name an address DNS does not know).
export type PostOptions = { timeoutMs: number; allowPrivateNetworks: boolean; resolve?: Resolver };

/**
 * One POST of a webhook body. Never follows a redirect (node:http does not,
 * and a 3xx is the receiver's answer, recorded as such); the whole exchange —
 * DNS, connect, TLS, response head and the first 1 KB of the body — shares
 * one deadline, so a receiver that trickles bytes cannot hold a worker slot.
 */
export async function postWebhook(url: string, body: string, headers: Record<string, string>, opts: PostOptions): Promise<PostResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const signal = AbortSignal.timeout(opts.timeoutMs);
  const fail = (error: string, refused = false): PostResult => ({
    statusCode: null,
    latencyMs: elapsed(),
    responseExcerpt: null,
    error,
    refused,
  });

  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return fail('refused: not a valid URL', true);
  }
  if (target.protocol !== 'https:' && target.protocol !== 'http:')
    return fail(`refused: ${target.protocol} URLs are not delivered to`, true);

  try {
    const dest = await abortable(resolveDestination(target.hostname, opts), signal);
    const { statusCode, excerpt } = await send(target, dest, body, headers, signal);
    return { statusCode, latencyMs: elapsed(), responseExcerpt: excerpt, error: null, refused: false };
  } catch (err) {
    if (err instanceof SsrfRefusal) return fail(err.message, true);
    if (signal.aborted) return fail(`timed out after ${opts.timeoutMs / 1000} s`);
    return fail(describe(err));
  }
}

function send(
  target: URL,
  dest: { address: string; family: 4 | 6 },
  body: string,
  headers: Record<string, string>,
  signal: AbortSignal,
): Promise<{ statusCode: number; excerpt: string }> {
  const transport = target.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = transport.request(
      {
        protocol: target.protocol,
        hostname: target.hostname.replace(/^\[|\]$/g, ''),
        port: target.port || undefined,
        path: `${target.pathname}${target.search}`,
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        // Connect to the address that passed the SSRF check, not a fresh answer.
        lookup: pinnedLookup(dest),
        // No pooling: a kept-alive socket would skip the per-delivery check.
        agent: false,
        signal,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const finish = () => {
          res.destroy();
          resolve({ statusCode: res.statusCode ?? 0, excerpt: Buffer.concat(chunks).subarray(0, EXCERPT_BYTES).toString('utf8') });
        };
        res.on('data', (chunk: Buffer) => {
          chunks.push(chunk);
          size += chunk.length;
          // Enough to show the merchant what went wrong; the rest is never read.
          if (size >= EXCERPT_BYTES) finish();
        });
        res.on('end', finish);
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

function abortable<T>(p: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    // The timeout's reason is a DOMException, an Error; any other reason is wrapped in one.
    const onAbort = () => {
      reject(signal.reason instanceof Error ? signal.reason : new Error('aborted', { cause: signal.reason }));
    };
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(resolve, reject).finally(() => {
      signal.removeEventListener('abort', onAbort);
    });
  });
}

function describe(err: unknown): string {
  const e = err as { code?: string; message?: string } | null | undefined;
  const text = e?.code && !String(e.message).includes(e.code) ? `${e.code}: ${e.message}` : String(e?.message ?? err);
  return text.slice(0, EXCERPT_BYTES);
}
