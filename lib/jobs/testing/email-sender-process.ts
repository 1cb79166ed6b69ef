// A second process for lib/jobs' tests (node --import tsx): the real runner draining the email outbox of
// DATABASE_URL, with a stand-in mail server that prints "sending <id>" and "sent <id>" (each email's subject is
// its id) and takes SEND_MS per email. It stops on SIGTERM/SIGINT as the app's processes do.
import { closeDb, getDb } from '@/db/client';
import { emailJob } from '@/lib/receipts/send-emails';
import { exitOnSignals } from '../on-signals';
import { startRunner } from '../runner';

const print = (line: string) => {
  process.stdout.write(`${line}\n`);
};

async function main() {
  const sendMs = Number(process.env.SEND_MS ?? '20');
  const db = await getDb();
  const runner = startRunner([
    emailJob(db, {
      concurrency: 4,
      intervalMs: 10,
      mailer: {
        sendMail: async (mail) => {
          print(`sending ${mail.subject}`);
          await new Promise((r) => setTimeout(r, sendMs));
          print(`sent ${mail.subject}`);
        },
      },
    }),
  ]);
  exitOnSignals(async () => {
    await runner.stop();
    await closeDb();
  }, print);
  print('ready');
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
