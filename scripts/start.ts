// npm start: build when needed, then serve. Migrations and the demo merchant run in the server (instrumentation.ts).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { buildIfNeeded } from './build-if-needed';

buildIfNeeded();
const port = process.env.PORT ?? '3000';
const next = spawn(path.join(__dirname, '..', 'node_modules', '.bin', 'next'), ['start', '-p', port], {
  stdio: 'inherit',
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => next.kill(signal));
next.on('exit', (code) => process.exit(code ?? 0));
