import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { env } from '@/lib/env';
import { log } from '@/lib/log';

/**
 * The keys that protect data live outside the data they protect: a database
 * dump alone must not be enough to test card numbers against fingerprints,
 * decrypt webhook secrets or forge dashboard cookies.
 *
 * The master keys come from CAISSE_SECRET_KEY (comma-separated), else from the
 * key file (CAISSE_SECRET_KEY_FILE, default .data/secret.key: one key per
 * line), which the first start makes with mode 0600. The first key is the
 * current one; the others are older keys still accepted for decryption while
 * a rotation finishes. Each use has its own subkey, derived with HKDF, so no
 * two purposes ever share key material.
 */

export type KeyPurpose =
  | 'card-fingerprint'
  | 'dashboard-auth'
  | 'proof-of-work'
  | 'proof-of-work-keys'
  | 'webhook-secrets'
  | 'idempotency-responses'
  | 'sign-in-links'
  | 'receipt-links'
  | 'invoice-links'
  | 'intent-links'
  | 'pass-codes'
  | 'pass-links';

const MIN_KEY_BYTES = 32;

type Keyring = { keys: Buffer[]; source: string };

let cached: Keyring | undefined;

function decodeKey(text: string, source: string): Buffer {
  const key = Buffer.from(text, 'base64url');
  if (key.length < MIN_KEY_BYTES || key.toString('base64url') !== text.replace(/=+$/, ''))
    throw new Error(
      `${source}: each key must be at least ${MIN_KEY_BYTES} random bytes in base64url (make one with: openssl rand -base64 32 | tr '+/' '-_' | tr -d '=')`,
    );
  return key;
}

function parseKeys(text: string, separator: RegExp, source: string): Buffer[] {
  const keys = text
    .split(separator)
    .map((s) => s.trim())
    .filter((s) => s && !s.startsWith('#'))
    .map((s) => decodeKey(s, source));
  if (!keys.length) throw new Error(`${source} holds no key`);
  return keys;
}

/** Reads the key file, or makes it once: written aside, then linked into place, so processes starting together agree on one whole key. */
function keysFromFile(file: string): Keyring {
  try {
    return { keys: parseKeys(readFileSync(file, 'utf8'), /\r?\n/, file), source: file };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(draft, `${randomBytes(MIN_KEY_BYTES).toString('base64url')}\n`, { flag: 'wx', mode: 0o600 });
  try {
    linkSync(draft, file);
    log().info(
      `Made a new secret key in ${file}: keep it out of database backups, and give every process of this installation the same one.`,
    );
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  } finally {
    unlinkSync(draft);
  }
  return { keys: parseKeys(readFileSync(file, 'utf8'), /\r?\n/, file), source: file };
}

function keyring(): Keyring {
  if (cached) return cached;
  const { CAISSE_SECRET_KEY, CAISSE_SECRET_KEY_FILE } = env();
  cached = CAISSE_SECRET_KEY
    ? { keys: parseKeys(CAISSE_SECRET_KEY, /,/, 'CAISSE_SECRET_KEY'), source: 'CAISSE_SECRET_KEY' }
    : keysFromFile(path.resolve(CAISSE_SECRET_KEY_FILE));
  return cached;
}

/** Checks at start-up that the keys can be read (or made), so a bad key fails the boot, not a payment. */
export function loadSecretKeys(): string {
  return keyring().source;
}

const derive = (master: Buffer, purpose: KeyPurpose) => Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `caisse:${purpose}`, 32));
const derived = new Map<KeyPurpose, Buffer[]>();

/** Every subkey for one purpose, current first: what decryption and verification may accept. */
export function secretKeys(purpose: KeyPurpose): Buffer[] {
  let keys = derived.get(purpose);
  if (!keys) derived.set(purpose, (keys = keyring().keys.map((k) => derive(k, purpose))));
  return keys;
}

/** The current subkey for one purpose. */
export function secretKey(purpose: KeyPurpose): Buffer {
  return secretKeys(purpose)[0];
}

// Which master key sealed a value: a short public tag, so opening needs no guessing.
const keyId = (subkey: Buffer) => createHash('sha256').update(subkey).digest('base64url').slice(0, 8);

const SEALED = /^sealed:v1:([A-Za-z0-9_-]{8}):([A-Za-z0-9_-]+)$/;

/** AES-256-GCM with the current key: `sealed:v1:<key id>:<iv|ciphertext|tag>`. */
export function seal(plaintext: string, purpose: KeyPurpose): string {
  const key = secretKey(purpose);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([iv, cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return `sealed:v1:${keyId(key)}:${body.toString('base64url')}`;
}

export const isSealed = (value: string) => SEALED.test(value);

/** How every value sealed with the current key begins (for finding what a rotation left behind). */
export const currentSealPrefix = (purpose: KeyPurpose) => `sealed:v1:${keyId(secretKey(purpose))}:`;

/** Opens what `seal` made, with whichever known key sealed it. Throws when no key can. */
export function unseal(value: string, purpose: KeyPurpose): string {
  const m = SEALED.exec(value);
  if (!m) throw new Error('unseal: not a sealed value');
  const key = secretKeys(purpose).find((k) => keyId(k) === m[1]);
  if (!key) throw new Error('unseal: sealed with a key this installation no longer has');
  const body = Buffer.from(m[2], 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key, body.subarray(0, 12));
  decipher.setAuthTag(body.subarray(body.length - 16));
  return Buffer.concat([decipher.update(body.subarray(12, body.length - 16)), decipher.final()]).toString('utf8');
}
