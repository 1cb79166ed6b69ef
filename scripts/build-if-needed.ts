import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const INPUTS = [
  'app',
  'components',
  'lib',
  'db',
  'messages',
  'i18n',
  'public',
  'instrumentation.ts',
  'instrumentation-client.ts',
  'next.config.ts',
  'package-lock.json',
  'postcss.config.mjs',
  'tsconfig.json',
  'tsconfig.build.json',
  'proxy.ts',
];
/** Where `next build` writes the app, and where the server serves it from (next.config.ts reads the same variable). */
export const DIST = path.join(ROOT, process.env.NEXT_DIST_DIR ?? '.next');
const STAMP = path.join(DIST, 'caisse-source-hash');

function hashTree(hash: ReturnType<typeof createHash>, p: string) {
  if (!existsSync(p)) return;
  const st = statSync(p);
  if (st.isDirectory()) {
    for (const name of readdirSync(p).sort()) if (!/\.test\.tsx?$/.test(name)) hashTree(hash, path.join(p, name));
  } else {
    hash.update(path.relative(ROOT, p)).update('\0').update(readFileSync(p));
  }
}

export function sourceHash(): string {
  const hash = createHash('sha256');
  for (const input of INPUTS) hashTree(hash, path.join(ROOT, input));
  return hash.digest('hex');
}

/** Builds the production bundle unless one exists for exactly these sources. */
export function buildIfNeeded(): void {
  const want = sourceHash();
  const have = existsSync(STAMP) ? readFileSync(STAMP, 'utf8') : '';
  if (have === want && existsSync(path.join(DIST, 'BUILD_ID'))) return;
  console.log('Building Caisse (next build)…');
  execFileSync(path.join(ROOT, 'node_modules', '.bin', 'next'), ['build'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  writeFileSync(STAMP, want);
}
