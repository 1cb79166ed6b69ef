// Run by e2e/support/invoice-server.ts, before a server is started on the same database (PGLITE_DIR or
// DATABASE_URL, set by the caller): makes one open invoice per entry of the JSON array in argv[2] with the
// lib factory, and prints each one's hosted page path and number as JSON.
import { closeDb, getDb } from '@/db/client';
import { migrate } from '@/db/migrate';
import { hostedInvoiceUrl } from '@/lib/billing/invoices/invoice-url';
import { openInvoice, type OpenInvoiceOptions } from '@/lib/billing/testing/open-invoice';

const DAY_MS = 86_400_000;

async function main() {
  const wanted = JSON.parse(process.argv[2] ?? '[]') as Omit<OpenInvoiceOptions, 'now'>[];
  await migrate();
  const db = await getDb();
  const made = [];
  // Subscribed 8 days ago: the 7-day trial is over and its first period's invoice was declined.
  for (const options of wanted) {
    const open = await openInvoice(db, { ...options, now: new Date(Date.now() - 8 * DAY_MS) });
    made.push({ path: new URL(hostedInvoiceUrl('http://caisse.invalid', open.invoice.id)).pathname, number: open.invoice.number });
  }
  await closeDb();
  process.stdout.write(JSON.stringify(made));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
