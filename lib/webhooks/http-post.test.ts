import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postWebhook } from './http-post';

let server: http.Server;
let port: number;
const seen: { host?: string; body: string }[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      seen.push({ host: req.headers.host, body });
      res.end('ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});

afterAll(
  () =>
    new Promise<void>((r) => {
      server.close(() => {
        r();
      });
    }),
);

describe('the connection goes to the address that was checked', () => {
  it('a name only our resolver knows → connected to the address it answered, Host header kept', async () => {
    // `.invalid` never resolves in DNS: reaching the server proves node:http used the pinned answer.
    const result = await postWebhook(
      `http://hooks.invalid:${port}/in`,
      '{"a":1}',
      {},
      {
        timeoutMs: 2000,
        allowPrivateNetworks: true,
        resolve: () => Promise.resolve([{ address: '127.0.0.1', family: 4 }]),
      },
    );
    expect(result).toMatchObject({ statusCode: 200, responseExcerpt: 'ok', error: null, refused: false });
    expect(seen.at(-1)).toEqual({ host: `hooks.invalid:${port}`, body: '{"a":1}' });
  });

  it('a name whose answer is private, allowance off → refused before any connection', async () => {
    const before = seen.length;
    const result = await postWebhook(
      `http://hooks.invalid:${port}/in`,
      '{}',
      {},
      {
        timeoutMs: 2000,
        allowPrivateNetworks: false,
        resolve: () => Promise.resolve([{ address: '127.0.0.1', family: 4 }]),
      },
    );
    expect(result).toMatchObject({
      statusCode: null,
      refused: true,
      error: expect.stringMatching(/^refused: hooks\.invalid resolves to 127\.0\.0\.1/) as unknown,
    });
    expect(seen.length).toBe(before);
  });

  it('the system resolver for the same name → fails (the pin above was not luck)', async () => {
    const result = await postWebhook(`http://hooks.invalid:${port}/in`, '{}', {}, { timeoutMs: 2000, allowPrivateNetworks: true });
    expect(result.statusCode).toBeNull();
    expect(result.error).toMatch(/ENOTFOUND|EAI_AGAIN/);
  });
});
