import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { emails } from '@/db/schema';
import { confirmPayment } from '@/lib/checkout/confirm-payment';
import { payForm } from '@/lib/checkout/testing/checkout-world';
import { unseal } from '@/lib/security/secret-keys';

/** Pays a session with a new card, ticking "Save my details with Caisse Pass". */
export function payAndJoinPass(db: Db, p: { sessionId: string; email: string; now: Date; card?: string }) {
  return confirmPayment(db, {
    sessionId: p.sessionId,
    form: { ...payForm(p.card ?? 'ok', p.email), pass_opt_in: 'true', pass_phone: '+33 6 12 34 56 78' },
    clientKey: 'joiner',
    now: p.now,
  });
}

/** The code in the newest Pass email to `to`, read as the mail sender reads it (the outbox holds it sealed). */
export async function newestPassCode(db: Db, to: string): Promise<{ code: string; text: string; sealed: string; subject: string }> {
  const row = (
    await db
      .select({ text: emails.text, subject: emails.subject })
      .from(emails)
      .where(and(eq(emails.to, to), eq(emails.kind, 'pass_code')))
      .orderBy(desc(emails.createdAt))
      .limit(1)
  ).at(0);
  if (!row) throw new Error(`no Pass email to ${to}`);
  const text = unseal(row.text, 'sign-in-links');
  const code = /^\d{6}$/m.exec(text)?.[0];
  if (!code) throw new Error(`no code in the Pass email to ${to}`);
  return { code, text, sealed: row.text, subject: row.subject };
}

/** How many Pass emails went to `to`. */
export async function passEmailCount(db: Db, to: string): Promise<number> {
  return (
    await db
      .select({ id: emails.id })
      .from(emails)
      .where(and(eq(emails.to, to), eq(emails.kind, 'pass_code')))
  ).length;
}
