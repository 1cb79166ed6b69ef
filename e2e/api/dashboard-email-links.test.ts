import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { useOwnDatabase } from '../support/own-database';
import { startSmtpSink } from './smtp-sink';
import { defined } from '../support/defined';

vi.mock('server-only', () => ({}));

// lib/auth/email-links.ts against a database of its own: what the table keeps of a link, and using one.
process.env.CAISSE_SECRET_KEY = randomBytes(32).toString('base64url');

let dropDatabase: () => Promise<void> = async () => {};
beforeAll(async () => {
  dropDatabase = await useOwnDatabase('caisse_emaillinks');
});
afterAll(() => dropDatabase());

const tokenOf = (url: string) => defined(new URL(url).searchParams.get('token'), `a token in ${url}`);

/** A link for a new address, its email queued as the dashboard's actions queue it, and a reader of that outbox row. */
async function queuedLinkEmail(purpose: 'sign-in' | 'sign-up', locale: 'en' | 'fr') {
  const { issueLink } = await import('@/lib/auth/email-links');
  const { queueAccountEmail } = await import('@/lib/auth/account-emails');
  const { getDb } = await import('@/db/client');
  const { emails } = await import('@/db/schema');
  const { eq } = await import('drizzle-orm');
  const db = await getDb();
  const to = `${purpose}-${randomBytes(4).toString('hex')}@shop.test`;
  const businessName = 'Console Shop';
  const url = await issueLink(purpose, purpose === 'sign-in' ? { email: to } : { email: to, businessName });
  const id = await queueAccountEmail(
    db,
    purpose === 'sign-in' ? { kind: 'sign_in_link', to, url } : { kind: 'sign_up_link', to, url, businessName },
    locale,
  );
  const row = async () => defined((await db.select().from(emails).where(eq(emails.id, id))).at(0), `the outbox row ${id}`);
  return { db, to, url, row };
}

describe('one-time email links', () => {
  it('the table keeps only a hash of the token; the link works once, for its purpose only', async () => {
    const { issueLink, peekLink, consumeLink } = await import('@/lib/auth/email-links');
    const { getDb } = await import('@/db/client');
    const { dashboardVerifications } = await import('@/db/schema');
    const email = `a-${randomBytes(4).toString('hex')}@shop.test`;
    const url = await issueLink('sign-in', { email });
    expect(url).toMatch(/\/dashboard\/sign-in\/link\?token=[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(url);
    const rows = await (await getDb()).select().from(dashboardVerifications);
    expect(JSON.stringify(rows)).not.toContain(token);

    expect(await peekLink('sign-up', token)).toBeNull();
    expect(await peekLink('sign-in', token)).toEqual({ email });
    expect(await consumeLink('sign-up', token)).toBeNull();
    expect(await consumeLink('sign-in', token)).toEqual({ email });
    expect(await consumeLink('sign-in', token)).toBeNull();
    expect(await peekLink('sign-in', token)).toBeNull();
  });

  it('a sign-in email waits in the outbox sealed (no usable link in the table) and is sent opened', async () => {
    const { sendDueEmails } = await import('@/lib/receipts/send-emails');
    const { db, to, url, row } = await queuedLinkEmail('sign-in', 'fr');
    const queued = await row();
    expect(queued).toMatchObject({
      accountId: null,
      kind: 'sign_in_link',
      to,
      subject: 'Votre lien de connexion à Caisse',
      status: 'pending',
    });
    expect(queued.text).toMatch(/^sealed:v1:/);
    expect(JSON.stringify(queued)).not.toContain(tokenOf(url));

    const sink = await startSmtpSink();
    try {
      await sendDueEmails(db, { smtpUrl: sink.url });
      const mail = defined(
        sink.received.find((m) => m.to.includes(to)),
        `an email to ${to}`,
      );
      expect(mail.text).toContain(url);
      expect(mail.html).toContain(url);
      expect(mail.text).toContain('dans les 15 minutes');
    } finally {
      await sink.close();
    }
  });

  it('without a mail server the link is printed on the console, and the email kept sealed', async () => {
    const { sendDueEmails } = await import('@/lib/receipts/send-emails');
    const { db, to, url, row } = await queuedLinkEmail('sign-up', 'en');
    const printed: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((line: string) => void printed.push(line));
    try {
      await sendDueEmails(db, { smtpUrl: null });
    } finally {
      log.mockRestore();
    }
    expect(printed.find((l) => l.includes(to))).toContain(url);
    const kept = await row();
    expect(kept.status).toBe('kept');
    expect(kept.text).toMatch(/^sealed:v1:/);
  });
});
