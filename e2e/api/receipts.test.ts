import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useOwnDatabase } from '../support/own-database';
import { startSmtpSink, type SmtpSink } from './smtp-sink';

// Drives lib/ directly on a database of its own, with a real SMTP server in this process receiving the mail.
// Without SMTP_URL is the default this file relies on (receipts are kept).
delete process.env.SMTP_URL;
process.env.EMAIL_FROM = 'Caisse Receipts <receipts@caisse.test>';

let dropDatabase: () => Promise<void> = async () => {};
beforeAll(async () => {
  dropDatabase = await useOwnDatabase('caisse_receipts');
});
afterAll(() => dropDatabase());

const CARD = '4242424242424242';

async function paidSession(
  p: {
    receiptsEnabled?: boolean;
    locale?: 'fr' | 'en';
    product?: string;
    extra?: Record<string, unknown>;
    email?: string;
    cardNumber?: string;
  } = {},
) {
  const { getDb } = await import('@/db/client');
  const { createAccount } = await import('@/lib/accounts/create-account');
  const { createSession } = await import('@/lib/checkout/create-session');
  const { confirmPayment } = await import('@/lib/checkout/confirm-payment');
  const { accounts, prices, products } = await import('@/db/schema');
  const db = await getDb();
  const account = await createAccount(db, { name: 'Maison Lumière' });
  await db
    .update(accounts)
    .set({ receiptsEnabled: p.receiptsEnabled ?? false, businessDetails: { support_email: 'aide@lumiere.example' } })
    .where(eq(accounts.id, account.id));
  const suffix = account.id.slice(5);
  await db.insert(products).values({ id: `prod_${suffix}`, accountId: account.id, name: p.product ?? 'Lampe de bureau' });
  await db.insert(prices).values({
    id: `price_${suffix}`,
    accountId: account.id,
    productId: `prod_${suffix}`,
    currency: 'eur',
    unitAmount: 2500,
    unitAmountDecimal: '2500',
    type: 'one_time',
  });
  const sessionId = await createSession(
    db,
    { accountId: account.id },
    {
      mode: 'payment',
      line_items: [{ price: `price_${suffix}`, quantity: 1 }],
      success_url: 'https://shop.example/ok',
      ...(p.locale ? { locale: p.locale } : {}),
      ...p.extra,
    },
  );
  const form = {
    email: p.email ?? 'client@example.com',
    card: { number: p.cardNumber ?? CARD, expiry: '12 / 40', cvc: '123', name: 'Claire Client' },
    billing: { country: 'FR', postal_code: '75001' },
  };
  const result = await confirmPayment(db, { sessionId, form, clientKey: `client-${suffix}` });
  return { db, account, sessionId, result };
}

async function emailsFor(sessionId: string) {
  const { getDb } = await import('@/db/client');
  const { emails } = await import('@/db/schema');
  return (await getDb()).select().from(emails).where(eq(emails.checkoutSessionId, sessionId));
}

async function send(opts: { smtpUrl?: string | null; now?: Date } = {}) {
  const { getDb } = await import('@/db/client');
  const { sendDueEmails } = await import('@/lib/receipts/send-emails');
  return sendDueEmails(await getDb(), opts);
}

describe('email receipts', () => {
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(() => sink.close());

  it('a French customer pays a merchant with receipts on → one French receipt with the item, 25,00 €, Visa and 4242 arrives', async () => {
    const { sessionId, result } = await paidSession({ receiptsEnabled: true, locale: 'fr' });
    expect(result.state).toBe('complete');
    const [queued] = await emailsFor(sessionId);
    expect(queued).toMatchObject({ status: 'pending', kind: 'receipt', to: 'client@example.com', attempts: 0 });

    const before = sink.received.length;
    expect(await send({ smtpUrl: sink.url })).toEqual([{ id: queued.id, outcome: 'sent' }]);
    const mail = sink.received[before];
    expect(sink.received).toHaveLength(before + 1);
    expect(mail.to).toEqual(['client@example.com']);
    expect(mail.from).toBe('receipts@caisse.test');
    expect(mail.subject).toMatch(/^Votre reçu de Maison Lumière n° [A-Za-z0-9]{4}-[A-Za-z0-9]{4}$/);
    expect(mail.text).toContain('Lampe de bureau — Qté 1 — 25,00\u00a0€'); // Intl puts a no-break space before €
    expect(mail.text).toContain('Montant payé: 25,00\u00a0€');
    expect(mail.text).toContain('Visa se terminant par 4242');
    expect(mail.text).toContain('aide@lumiere.example');
    expect(mail.html).toContain('Lampe de bureau');
    // The card number never reaches the message or the outbox, in any part.
    expect(mail.raw).not.toContain(CARD);
    expect(JSON.stringify(await emailsFor(sessionId))).not.toContain(CARD);

    const [sent] = await emailsFor(sessionId);
    expect(sent).toMatchObject({ status: 'sent', attempts: 1, lastError: null, lockedUntil: null });
    expect(sent.sentAt).toBeInstanceOf(Date);
    // Sent once: another pass finds nothing to do.
    expect(await send({ smtpUrl: sink.url })).toEqual([]);
  });

  it('a session with payment_intent_data.receipt_email gets an English receipt there, even with receipts off', async () => {
    const { sessionId, result } = await paidSession({ extra: { payment_intent_data: { receipt_email: 'accounts@buyer.example' } } });
    expect(result.state).toBe('complete');
    const [queued] = await emailsFor(sessionId);
    expect(queued).toMatchObject({ to: 'accounts@buyer.example', status: 'pending' });
    const before = sink.received.length;
    await send({ smtpUrl: sink.url });
    const mail = sink.received[before];
    expect(mail.to).toEqual(['accounts@buyer.example']);
    expect(mail.subject).toMatch(/^Your receipt from Maison Lumière #/);
    expect(mail.text).toContain('Visa ending in 4242');
    expect(mail.text).toContain('Total: €25.00');
  });

  it('a merchant without receipts and a session without receipt_email → no email at all', async () => {
    const { sessionId, result } = await paidSession();
    expect(result.state).toBe('complete');
    expect(await emailsFor(sessionId)).toEqual([]);
  });

  it('a declined card → no receipt is queued: the email exists only with the payment', async () => {
    const { sessionId, result } = await paidSession({ receiptsEnabled: true, cardNumber: '4000000000000002' });
    expect(result.state).toBe('declined');
    expect(await emailsFor(sessionId)).toEqual([]);
  });

  it('without SMTP_URL the receipt is kept in the database instead of sent', async () => {
    const { sessionId } = await paidSession({ receiptsEnabled: true });
    const before = sink.received.length;
    const outcomes = await send();
    expect(outcomes.map((o) => o.outcome)).toEqual(['kept']);
    const [row] = await emailsFor(sessionId);
    expect(row).toMatchObject({ status: 'kept', attempts: 0, sentAt: null, lockedUntil: null });
    expect(row.text).toContain('€25.00');
    expect(sink.received).toHaveLength(before);
  });

  it('a product named like HTML is escaped in the HTML part and shown as typed in the text part', async () => {
    const name = '<script>alert("x")</script> & <b>Lamp</b>';
    const { sessionId } = await paidSession({ receiptsEnabled: true, product: name });
    const before = sink.received.length;
    await send({ smtpUrl: sink.url });
    const mail = sink.received[before];
    expect(mail.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;Lamp&lt;/b&gt;');
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).not.toContain('<b>Lamp');
    expect(mail.text).toContain(name);
    expect((await emailsFor(sessionId))[0].status).toBe('sent');
  });
});

describe('a mail server that refuses the recipient', () => {
  it('is retried with backoff, five attempts in all, then the receipt is marked failed', async () => {
    const refusing = await startSmtpSink({ rejectRcpt: true });
    try {
      const { sessionId } = await paidSession({ receiptsEnabled: true });
      const { retryDelaySeconds, MAX_ATTEMPTS } = await import('@/lib/receipts/send-emails');
      let now = new Date(Date.now() + 1000);
      const outcomes: string[] = [];
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        outcomes.push(...(await send({ smtpUrl: refusing.url, now })).map((o) => o.outcome));
        // Not due again until its backoff has passed.
        if (attempt < MAX_ATTEMPTS) {
          expect(await send({ smtpUrl: refusing.url, now: new Date(now.getTime() + retryDelaySeconds(attempt) * 1000 - 5000) })).toEqual(
            [],
          );
          now = new Date(now.getTime() + retryDelaySeconds(attempt) * 1000 + 1000);
        }
      }
      expect(outcomes).toEqual(['retry', 'retry', 'retry', 'retry', 'failed']);
      expect(refusing.rcptAttempts).toBe(5);
      expect(refusing.received).toHaveLength(0);
      const [row] = await emailsFor(sessionId);
      expect(row).toMatchObject({ status: 'failed', attempts: 5, sentAt: null });
      expect(row.lastError).toMatch(/550|Mailbox unavailable/);
      // Failed is final: even a day later nothing is claimed.
      expect(await send({ smtpUrl: refusing.url, now: new Date(now.getTime() + 86400_000) })).toEqual([]);
    } finally {
      await refusing.close();
    }
  });
});
