import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

// Each case loads the module afresh under its own environment (lib/env and the keyring are read once per module).
async function load(envVars: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [k, v] of Object.entries(envVars)) {
    // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- process.env is the map to change, and unsetting a variable is deleting its key
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  return import('./secret-keys');
}

const newKey = () => randomBytes(32).toString('base64url');
const tmpFile = () => path.join(mkdtempSync(path.join(os.tmpdir(), 'caisse-keys-')), 'nested', 'secret.key');

beforeEach(() => {
  delete process.env.CAISSE_SECRET_KEY;
  delete process.env.CAISSE_SECRET_KEY_FILE;
});

describe('secret keys', () => {
  it('makes the key file on first use, readable by its owner only, and reads the same key afterwards', async () => {
    const file = tmpFile();
    const first = await load({ CAISSE_SECRET_KEY_FILE: file });
    const key = first.secretKey('card-fingerprint');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').trim()).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const again = await load({ CAISSE_SECRET_KEY_FILE: file });
    expect(again.secretKey('card-fingerprint').equals(key)).toBe(true);
  });

  it('derives a different subkey for each purpose, none equal to the master key', async () => {
    const master = newKey();
    const m = await load({ CAISSE_SECRET_KEY: master });
    const purposes = [
      'card-fingerprint',
      'dashboard-auth',
      'proof-of-work',
      'proof-of-work-keys',
      'webhook-secrets',
      'idempotency-responses',
      'sign-in-links',
    ] as const;
    const subkeys = purposes.map((p) => m.secretKey(p).toString('hex'));
    expect(new Set(subkeys).size).toBe(purposes.length);
    expect(subkeys).not.toContain(Buffer.from(master, 'base64url').toString('hex'));
  });

  it('seals and opens a secret; the sealed text shows nothing of it', async () => {
    const m = await load({ CAISSE_SECRET_KEY: newKey() });
    const sealed = m.seal('whsec_abc123', 'webhook-secrets');
    expect(sealed).toMatch(/^sealed:v1:/);
    expect(sealed).not.toContain('abc123');
    expect(m.seal('whsec_abc123', 'webhook-secrets')).not.toBe(sealed);
    expect(m.unseal(sealed, 'webhook-secrets')).toBe('whsec_abc123');
    expect(() => m.unseal(sealed, 'card-fingerprint')).toThrow();
  });

  it('refuses a sealed value that was tampered with', async () => {
    const m = await load({ CAISSE_SECRET_KEY: newKey() });
    const sealed = m.seal('whsec_abc123', 'webhook-secrets');
    const body = Buffer.from(sealed.split(':')[3], 'base64url');
    body[14] ^= 1;
    expect(() => m.unseal(`${sealed.split(':').slice(0, 3).join(':')}:${body.toString('base64url')}`, 'webhook-secrets')).toThrow();
  });

  it('after a rotation (new key first, old key kept) opens old values and seals with the new key', async () => {
    const oldKey = newKey();
    const before = await load({ CAISSE_SECRET_KEY: oldKey });
    const sealedBefore = before.seal('whsec_old', 'webhook-secrets');
    const after = await load({ CAISSE_SECRET_KEY: `${newKey()},${oldKey}` });
    expect(after.unseal(sealedBefore, 'webhook-secrets')).toBe('whsec_old');
    expect(sealedBefore.startsWith(after.currentSealPrefix('webhook-secrets'))).toBe(false);
    expect(after.seal('x', 'webhook-secrets').startsWith(after.currentSealPrefix('webhook-secrets'))).toBe(true);
    const dropped = await load({ CAISSE_SECRET_KEY: newKey() });
    expect(() => dropped.unseal(sealedBefore, 'webhook-secrets')).toThrow(/no longer has/);
  });

  it('reads several keys from the file, one per line, skipping comments', async () => {
    const file = tmpFile();
    const [a, b] = [newKey(), newKey()];
    const one = await load({ CAISSE_SECRET_KEY: a });
    const sealed = one.seal('s', 'webhook-secrets');
    (await import('node:fs')).mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `# current\n${b}\n${a}\n`);
    const m = await load({ CAISSE_SECRET_KEY: undefined, CAISSE_SECRET_KEY_FILE: file });
    expect(m.unseal(sealed, 'webhook-secrets')).toBe('s');
    expect(m.secretKeys('webhook-secrets')).toHaveLength(2);
  });

  it('refuses a key that is too short or not base64url, naming where it came from', async () => {
    const short = await load({ CAISSE_SECRET_KEY: randomBytes(16).toString('base64url') });
    expect(() => short.loadSecretKeys()).toThrow(/CAISSE_SECRET_KEY.*at least 32/);
    const junk = await load({ CAISSE_SECRET_KEY: 'not a key at all, not at all, not at all!!' });
    expect(() => junk.loadSecretKeys()).toThrow(/CAISSE_SECRET_KEY/);
  });
});
