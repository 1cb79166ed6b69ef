// /v1 requests, and the health probes (/healthz, /readyz), straight to their route module (app/…/route.ts), past
// Next's router and proxy: the route handlers are plain Request → Response functions (lib/api/with-api.ts), and Next's
// per-request work around them cost about a quarter of the server's time on the API and nine tenths of a probe's
// (docs/SCALING.md). Anything unusual still goes to Next, which answers as before: other methods (HEAD, OPTIONS, PUT,
// PATCH), paths Next normalizes or refuses (a trailing slash, an undecodable segment, /v1 itself), and any request
// through a merchant's custom domain (the proxy's 404).
import { existsSync, readdirSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { routeTable, type RouteMatch } from '../lib/api/route-table';
import { unexpectedError } from '../lib/api/errors';
import { jsonTextOf } from '../lib/api/json-response';
import { REQUEST_ID_HEADER } from '../lib/api/request-id';
import { customDomainAccount } from '../lib/domains/host-routing';
import { log } from '../lib/log';

type Handler = (req: Request, route: { params: Promise<RouteMatch['params']> }) => Promise<Response>;
export type RouteModule = Partial<Record<string, Handler>>;
/** A route's handlers, from its file under app/ (`v1/customers/[id]/route.ts`). */
export type RouteLoader = (file: string) => Promise<RouteModule>;
/** What the build writes for a route handler (Next 16): its module, which loads the route's code on demand. */
type BuiltRoute = { routeModule?: { ensureUserland(): Promise<void>; userland: RouteModule } };

/**
 * The routes as the build in `distDir` compiled them (…/server/app/<route>.js): the handlers run the same module
 * instances as the pages Next serves (one copy of the app's code in memory, not a second compiled at start), the
 * code Next's build has bundled and minified. Throws, when a route is first asked for, if the build lacks it.
 */
export function builtRoutes(distDir: string): RouteLoader {
  const appDir = path.join(distDir, 'server', 'app');
  const load = createRequire(path.join(appDir, 'routes.js'));
  return async (file) => {
    const built = load(path.join(appDir, file.replace(/\.ts$/, '.js'))) as BuiltRoute;
    if (!built.routeModule) throw new Error(`${file}: the build has no route module there`);
    await built.routeModule.ensureUserland();
    return built.routeModule.userland;
  };
}

/** The routes from their sources (a test's small app, whose routes no build has compiled). */
export const sourceRoutes =
  (root: string): RouteLoader =>
  (file) =>
    import(path.join(root, 'app', file)) as Promise<RouteModule>;

const DIRECT_METHODS = new Set(['GET', 'POST', 'DELETE']);
/** Top-level routes taken the same way: the probes a proxy or an orchestrator asks every few seconds. */
const PROBES = ['healthz', 'readyz'];
const PROBE_PATHS = new Set(PROBES.map((p) => `/${p}`));

/**
 * The dispatcher for the app in `root`: answers whether it took the request (a /v1 route or a probe, for a method
 * its module has), and otherwise leaves it to `next` untouched. Route modules load on their first request, through
 * `loadRoute`.
 */
export function apiDispatcher(root: string, next: (req: IncomingMessage, res: ServerResponse) => void, loadRoute: RouteLoader) {
  const appDir = path.join(root, 'app');
  const files = readdirSync(path.join(appDir, 'v1'), { recursive: true, encoding: 'utf8' })
    .filter((f) => path.basename(f) === 'route.ts')
    .map((f) => path.posix.join('v1', f.split(path.sep).join('/')));
  const probes = PROBES.map((p) => `${p}/route.ts`).filter((f) => existsSync(path.join(appDir, f)));
  const match = routeTable([...files, ...probes]);
  const modules = new Map<string, Promise<RouteModule>>();
  const load = (file: string) => {
    let mod = modules.get(file);
    if (!mod) {
      mod = loadRoute(file);
      modules.set(file, mod);
    }
    return mod;
  };

  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const url = req.url ?? '/';
    if (!req.method || !DIRECT_METHODS.has(req.method)) return false;
    const query = url.indexOf('?');
    const pathname = query === -1 ? url : url.slice(0, query);
    if (!pathname.startsWith('/v1/') && !PROBE_PATHS.has(pathname)) return false;
    const route = match(pathname);
    if (!route) return false;
    void serve(req, res, route).catch((err: unknown) => {
      answerError(res, req.headers[REQUEST_ID_HEADER], err);
    });
    return true;
  };

  async function serve(req: IncomingMessage, res: ServerResponse, route: RouteMatch) {
    // A custom domain serves the checkout pages only: the proxy answers its 404.
    const handler = (await customDomainAccount(req.headers.host ?? null)) ? undefined : (await load(route.file))[req.method ?? ''];
    if (!handler) {
      next(req, res);
      return;
    }
    const response = await handler(toRequest(req), { params: Promise.resolve(route.params) });
    await send(res, response);
  }
}

function toRequest(req: IncomingMessage): Request {
  const headers = new Headers();
  // req.headers, not rawHeaders: scripts/serve.ts has set the request id and the client address there.
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  // The handlers read the path and the query only: the origin is a placeholder, not the untrusted Host header.
  return new Request(new URL(req.url ?? '/', 'http://localhost'), {
    method: req.method,
    headers,
    ...(req.method === 'POST' && { body: bodyOf(req), duplex: 'half' }),
  });
}

/**
 * The request's body as a web stream, read only as the handler pulls. A body the handler never reads is left
 * untouched, for Node to drain once the answer is sent; a handler that stops early (a body past its limit) cancels
 * the stream, and the rest is read and dropped. Either way the keep-alive connection serves the client's next request
 * (Readable.toWeb would destroy the request and the socket with it, and reading ahead would keep Node from draining).
 */
function bodyOf(req: IncomingMessage): ReadableStream<Uint8Array> {
  let listening = false;
  let cancelled = false;
  const listen = (controller: ReadableStreamDefaultController<Uint8Array>) => {
    listening = true;
    req.on('data', (chunk: Buffer) => {
      if (cancelled) return;
      controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      req.pause();
    });
    req.once('end', () => {
      if (!cancelled) controller.close();
    });
    req.on('error', (err) => {
      if (!cancelled) controller.error(err);
    });
  };
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (!listening) listen(controller);
        req.resume();
      },
      cancel() {
        cancelled = true;
        req.resume();
      },
    },
    // Nothing is read before the handler asks.
    { highWaterMark: 0 },
  );
}

async function send(res: ServerResponse, response: Response) {
  res.statusCode = response.status;
  for (const [name, value] of response.headers) if (name !== 'set-cookie') res.setHeader(name, value);
  const cookies = response.headers.getSetCookie();
  if (cookies.length) res.setHeader('set-cookie', cookies);
  const text = jsonTextOf(response);
  if (text !== undefined) res.end(text);
  else res.end(response.body ? Buffer.from(await response.arrayBuffer()) : undefined);
}

/** What withApi answers for an error it did not expect, for one that escaped it (a route module that fails to load). */
function answerError(res: ServerResponse, requestId: string | string[] | undefined, err: unknown) {
  log().error({ reqId: requestId, err }, 'unexpected error');
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.statusCode = 500;
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(unexpectedError(String(requestId))));
}
