import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { emailJob } from '@/lib/receipts/send-emails';
import { startRunner } from './runner';
import { emailRows, queueEmails, recordingMailer, until, outboxDatabase } from './testing/outbox';

// Two runners draining one outbox never send an email twice: on Postgres, this process and a second real one
// (as two app servers, or a server and a worker); on PGlite, which is one process's database, two runners here.
const db = outboxDatabase('caisse_jobs_two');
const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}_${String(i).padStart(2, '0')}`);
const quiet = { log: () => {} };

/** The second process: its output lines, and its exit. */
function senderProcess(env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'testing', 'email-sender-process.ts')], {
    cwd: path.resolve(import.meta.dirname, '..', '..'),
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let errors = '';
  let buffered = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const parts = buffered.split('\n');
    buffered = parts.pop() ?? '';
    lines.push(...parts);
  });
  child.stderr.on('data', (chunk: Buffer) => {
    errors += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => {
      resolve(code);
    });
  });
  const ids = (verb: 'sending' | 'sent') => lines.filter((l) => l.startsWith(`${verb} `)).map((l) => l.slice(verb.length + 1));
  return { child, lines, ids, exited, errors: () => errors };
}

describe.skipIf(!process.env.DATABASE_URL)('two processes on one Postgres', () => {
  it('this process and another drain 40 emails together → every email is sent exactly once, by one of them', async () => {
    const other = senderProcess();
    try {
      await until(() => other.lines.includes('ready'), `the second process starting ${other.errors()}`, 60_000);
      const all = ids('em_two', 40);
      await queueEmails(db(), all);
      await until(() => other.ids('sending').length > 0, 'the second process sending');
      const here = recordingMailer();
      const runner = startRunner([emailJob(db(), { mailer: here.mailer, concurrency: 4, intervalMs: 10 })], quiet);
      await until(async () => (await emailRows(db())).every((r) => r.status === 'sent'), 'every email sent');
      await runner.stop();
      other.child.kill('SIGTERM');
      expect(await other.exited).toBe(0);

      const sends = [...here.sent, ...other.ids('sent')].sort();
      expect(sends).toEqual(all);
      expect(here.sent.length).toBeGreaterThan(0);
      expect(other.ids('sent').length).toBeGreaterThan(0);
      expect((await emailRows(db())).map((r) => `${r.id} ${r.status}/${r.attempts}`)).toEqual(all.map((id) => `${id} sent/1`));
    } finally {
      other.child.kill('SIGKILL');
    }
  });

  it('SIGTERM while the other process is sending → it finishes and records that email, then exits 0', async () => {
    const other = senderProcess({ SEND_MS: '400' });
    try {
      await until(() => other.lines.includes('ready'), `the second process starting ${other.errors()}`, 60_000);
      await queueEmails(db(), ['em_term']);
      await until(() => other.ids('sending').length > 0, 'the second process sending');
      other.child.kill('SIGTERM');
      expect(await other.exited).toBe(0);
      expect(other.ids('sent')).toEqual(['em_term']);
      expect((await emailRows(db()))[0]).toMatchObject({ status: 'sent', attempts: 1, lockedUntil: null });
    } finally {
      other.child.kill('SIGKILL');
    }
  });
});

describe.skipIf(!!process.env.DATABASE_URL)('two runners on one PGlite', () => {
  it('two runners drain 40 emails together → every email is sent exactly once, by one of them', async () => {
    const all = ids('em_pair', 40);
    await queueEmails(db(), all);
    const [a, b] = [recordingMailer(), recordingMailer()];
    const runners = [a, b].map((m) => startRunner([emailJob(db(), { mailer: m.mailer, concurrency: 4, intervalMs: 5 })], quiet));
    await until(async () => (await emailRows(db())).every((r) => r.status === 'sent'), 'every email sent');
    await Promise.all(runners.map((r) => r.stop()));

    expect([...a.sent, ...b.sent].sort()).toEqual(all);
    expect(a.started.length + b.started.length).toBe(40);
    expect((await emailRows(db())).map((r) => `${r.id} ${r.status}/${r.attempts}`)).toEqual(all.map((id) => `${id} sent/1`));
  });
});
