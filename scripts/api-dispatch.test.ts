import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiDispatcher, builtRoutes, sourceRoutes } from './api-dispatch';

// A small app of its own: each handler answers what it was given, so the test sees what the dispatcher passed on.
const ROUTES: Record<string, string> = {
  'v1/things/route.ts': `
    export async function POST(req: Request) {
      return Response.json({ route: 'things', method: req.method, body: await req.text(), query: new URL(req.url).search, client: req.headers.get('x-client') });
    }
    export async function GET(req: Request) { return Response.json({ route: 'things', method: req.method, query: new URL(req.url).search }); }`,
  'v1/things/[id]/route.ts': `
    export async function GET(_req: Request, { params }: { params: Promise<Record<string, string>> }) {
      return new Response(JSON.stringify({ route: 'thing', params: await params }), { status: 201, headers: { 'content-type': 'application/json', 'x-extra': 'yes' } });
    }
    export async function DELETE() { throw new Error('boom'); }`,
  // Reads the start of the body and gives up on the rest, as withApi does with a body over its limit.
  'v1/capped/route.ts': `
    export async function POST(req: Request) {
      if (new URL(req.url).searchParams.has('declared')) return Response.json({}, { status: 413 });
      const reader = req.body!.getReader();
      let size = 0;
      while (size <= 1024 * 1024) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
      }
      await reader.cancel();
      return Response.json({ error: { type: 'invalid_request_error' } }, { status: 413 });
    }`,
  // A probe, taken like the API; a page beside it is not.
  'healthz/route.ts': `
    export async function GET(req: Request) { return Response.json({ route: 'healthz', query: new URL(req.url).search }, { status: 503 }); }`,
  'other/route.ts': `
    export async function GET() { return Response.json({ route: 'other' }); }`,
  'v1/[...path]/route.ts': `
    export async function GET(_req: Request, { params }: { params: Promise<Record<string, string[]>> }) {
      return Response.json({ route: 'catch-all', params: await params }, { status: 404 });
    }`,
};

let root: string;
let server: Server;
let base: string;

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'caisse-dispatch-'));
  for (const [file, source] of Object.entries(ROUTES)) {
    mkdirSync(path.dirname(path.join(root, 'app', file)), { recursive: true });
    writeFileSync(path.join(root, 'app', file), source);
  }
  const dispatch = apiDispatcher(
    root,
    (_req, res) => {
      res.statusCode = 299;
      res.end('next');
    },
    sourceRoutes(root),
  );
  server = createServer((req, res) => {
    req.headers['x-client'] = 'set by the server';
    if (!dispatch(req, res)) {
      res.statusCode = 299;
      res.end('next');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(root, { recursive: true, force: true });
});

describe('apiDispatcher', () => {
  it('hands a /v1 request to its route module: method, query, streamed body, the headers the server set, params', async () => {
    const post = await fetch(`${base}/v1/things?expand[]=a`, { method: 'POST', body: 'name=x', headers: { 'x-client': 'forged' } });
    expect(post.status).toBe(200);
    expect(await post.json()).toEqual({
      route: 'things',
      method: 'POST',
      body: 'name=x',
      query: '?expand[]=a',
      client: 'set by the server',
    });

    const one = await fetch(`${base}/v1/things/th%20_1`);
    expect(one.status).toBe(201);
    expect(one.headers.get('x-extra')).toBe('yes');
    expect(await one.json()).toEqual({ route: 'thing', params: { id: 'th _1' } });

    const other = await fetch(`${base}/v1/nothing/here`);
    expect(other.status).toBe(404);
    expect(await other.json()).toEqual({ route: 'catch-all', params: { path: ['nothing', 'here'] } });
  });

  it('hands a probe to its route module too (its status and query as the handler gives them); other top-level routes stay with Next', async () => {
    const probe = await fetch(`${base}/healthz?verbose=1`);
    expect(probe.status).toBe(503);
    expect(await probe.json()).toEqual({ route: 'healthz', query: '?verbose=1' });
    // readyz has no module in this app: nothing to take. A route beside the probes, a probe's sub-path, a method it lacks.
    for (const [method, url] of [
      ['GET', '/readyz'],
      ['GET', '/other'],
      ['GET', '/healthz/'],
      ['GET', '/healthz/x'],
      ['POST', '/healthz'],
      ['HEAD', '/healthz'],
    ]) {
      const res = await fetch(`${base}${url}`, { method });
      expect(res.status, `${method} ${url}`).toBe(299);
    }
  });

  it('a handler that stops reading a long body answers, and the connection serves the next request', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ >= 20) controller.close();
        else controller.enqueue(chunk);
      },
    });
    // First a long body the handler never reads (its Content-Length is refused before reading).
    expect((await fetch(`${base}/v1/capped?declared=1`, { method: 'POST', body: 'x'.repeat(1024 * 1024 + 1) })).status).toBe(413);
    expect((await fetch(`${base}/v1/things?n=0`)).status).toBe(200);
    const capped = await fetch(`${base}/v1/capped`, { method: 'POST', body, duplex: 'half' } as RequestInit);
    expect(capped.status).toBe(413);
    await capped.text();
    // The same keep-alive connection: a request the dispatcher had closed under the client would fail here.
    for (let i = 0; i < 3; i++) expect((await fetch(`${base}/v1/things?n=${i}`)).status).toBe(200);
  });

  it('leaves to Next what Next answers: other methods, a method the route lacks, paths it normalizes, other paths', async () => {
    for (const [method, url] of [
      ['HEAD', '/v1/things'],
      ['OPTIONS', '/v1/things'],
      ['PUT', '/v1/things'],
      ['POST', '/v1/things/th_1'],
      ['GET', '/v1/things/'],
      ['GET', '/v1/things/%ff'],
      ['GET', '/v1'],
      ['GET', '/c/cs_test_1'],
    ]) {
      const res = await fetch(`${base}${url}`, { method });
      expect(res.status, `${method} ${url}`).toBe(299);
    }
  });

  it('answers a handler that throws with a Stripe-shaped 500, not a dropped connection', async () => {
    const res = await fetch(`${base}/v1/things/th_1`, { method: 'DELETE' });
    expect(res.status).toBe(500);
    expect(await res.json()).toMatchObject({ error: { type: 'api_error' } });
  });
});

describe('builtRoutes', () => {
  it('takes a route’s handlers from the build once its module has loaded them, and names a route the build lacks', async () => {
    const dist = mkdtempSync(path.join(os.tmpdir(), 'caisse-built-'));
    try {
      const dir = path.join(dist, 'server', 'app', 'v1', 'things');
      mkdirSync(dir, { recursive: true });
      // As Next 16 writes it: the handlers are there only after ensureUserland.
      writeFileSync(
        path.join(dir, 'route.js'),
        `let loaded; exports.routeModule = {
           async ensureUserland() { loaded = { GET: async () => Response.json({ built: true }) }; },
           get userland() { if (!loaded) throw new Error('not loaded'); return loaded; },
         };`,
      );
      const load = builtRoutes(dist);
      const mod = await load('v1/things/route.ts');
      expect(await (await mod.GET?.(new Request('http://localhost/v1/things'), { params: Promise.resolve({}) }))?.json()).toEqual({
        built: true,
      });
      writeFileSync(path.join(dist, 'server', 'app', 'v1', 'plain.js'), 'exports.GET = 1;');
      await expect(load('v1/plain.ts')).rejects.toThrow('v1/plain.ts: the build has no route module there');
      await expect(load('v1/missing/route.ts')).rejects.toThrow();
    } finally {
      rmSync(dist, { recursive: true, force: true });
    }
  });
});
