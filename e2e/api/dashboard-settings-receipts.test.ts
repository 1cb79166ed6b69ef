import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { useOwnDatabase } from '../support/own-database';

// The dashboard's settings action calls saveAccountSettings; this drives it and the payment on a database
// of its own and reads the receipt from the email outbox, which a browser spec has no way to see.
vi.mock('server-only', () => ({}));
delete process.env.SMTP_URL;

let dropDatabase: () => Promise<void> = async () => {};
beforeAll(async () => {
  dropDatabase = await useOwnDatabase('caisse_dashboard_settings');
});
afterAll(() => dropDatabase());

const SETTINGS = {
  receiptsEnabled: true,
  defaultLocale: '' as const,
  supportEmail: 'help@atelier.example',
  supportPhone: '+33 1 23 45 67 89',
  address: { line1: '12 rue des Lilas', line2: '', city: 'Lyon', state: '', postalCode: '69002', country: 'FR' },
};

async function payAfterSettings(
  settings: typeof SETTINGS | (Omit<typeof SETTINGS, 'defaultLocale'> & { defaultLocale: 'de' }),
  sessionLocale?: 'auto',
) {
  const { getDb } = await import('@/db/client');
  const { createAccount } = await import('@/lib/accounts/create-account');
  const { saveAccountSettings } = await import('@/lib/accounts/account-settings');
  const { accountSettingsSchema } = await import('@/lib/validation/account-settings');
  const { createSession } = await import('@/lib/checkout/create-session');
  const { confirmPayment } = await import('@/lib/checkout/confirm-payment');
  const { emails, prices, products } = await import('@/db/schema');
  const db = await getDb();
  const account = await createAccount(db, { name: 'Atelier Lilas' });
  await saveAccountSettings(db, { accountId: account.id, values: accountSettingsSchema.parse(settings) });
  const suffix = account.id.slice(5);
  await db.insert(products).values({ id: `prod_${suffix}`, accountId: account.id, name: 'Vase' });
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
      ...(sessionLocale ? { locale: sessionLocale } : {}),
    },
  );
  const form = {
    email: 'buyer@example.com',
    card: { number: '4242424242424242', expiry: '12 / 40', cvc: '123', name: 'Bea Buyer' },
    billing: { country: 'FR', postal_code: '75001' },
  };
  const result = await confirmPayment(db, { sessionId, form, clientKey: `client-${suffix}` });
  expect(result.state).toBe('complete');
  return db.select().from(emails).where(eq(emails.checkoutSessionId, sessionId));
}

describe('dashboard settings → receipts', () => {
  it('merchant turns receipts on and fills in business details → the paying customer gets a receipt that carries them', async () => {
    const [receipt, ...more] = await payAfterSettings(SETTINGS);
    expect(more).toEqual([]);
    expect(receipt).toMatchObject({ kind: 'receipt', to: 'buyer@example.com' });
    expect(receipt.subject).toMatch(/^Your receipt from Atelier Lilas #/);
    for (const part of [receipt.text, receipt.html]) {
      expect(part).toContain('help@atelier.example');
      expect(part).toContain('+33 1 23 45 67 89');
      expect(part).toContain('12 rue des Lilas');
      expect(part).toContain('69002 Lyon');
      expect(part).toContain('France');
    }
  });

  it('merchant leaves receipts off → no receipt for a customer who only typed their email', async () => {
    expect(await payAfterSettings({ ...SETTINGS, receiptsEnabled: false })).toEqual([]);
  });

  it("merchant sets German as the default language → an 'auto' session's receipt is in German", async () => {
    const [receipt] = await payAfterSettings({ ...SETTINGS, defaultLocale: 'de' }, 'auto');
    expect(receipt.subject).toMatch(/^Ihre Quittung von Atelier Lilas Nr\. /);
    expect(receipt.text).toContain('Telefon: +33 1 23 45 67 89');
  });
});
