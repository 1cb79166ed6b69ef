import { expect as pollExpect } from '@playwright/test';
import type { Page } from '@playwright/test';
import type { Merchant } from './support/merchant';
import type { SessionParams } from './support/fixtures';
import { expect, test } from './support/fixtures';
import { untilInteractive } from './support/checkout-page';
import { defined } from './support/defined';

/** Still taken by the API (and by Stripe), but no longer in the SDK's create params. */
const takesSepa = { payment_method_types: ['card', 'sepa_debit'] } as SessionParams;

async function payBySepa(page: Page, iban: string) {
  await untilInteractive(page);
  await page.getByLabel('Email', { exact: true }).fill('jenny.rosen@example.com');
  await page.getByRole('radio', { name: 'SEPA Direct Debit' }).check();
  await page.getByLabel('IBAN').fill(iban);
  await page.getByLabel('Account holder name').fill('Jenny Rosen');
  const billing = page.getByRole('group', { name: 'Billing address' });
  await billing.getByLabel('Country or region').selectOption('DE');
  await billing.getByLabel('Postal code').fill('10115');
  await page.getByRole('button', { name: 'Pay €25.00' }).click();
}

/** The bank answers a few seconds later (SEPA_TEST_SETTLE_SECONDS): poll the API, bounded. */
async function expectPaymentStatus(merchant: Merchant, sessionId: string, status: 'paid' | 'unpaid', intentStatus: string) {
  await pollExpect
    .poll(
      async () => {
        const s = await merchant.stripe.checkout.sessions.retrieve(sessionId, { expand: ['payment_intent'] });
        return [s.payment_status, (s.payment_intent as { status: string } | null)?.status];
      },
      { timeout: 30_000, intervals: [500] },
    )
    .toEqual([status, intentStatus]);
}

test.describe('paying by SEPA Direct Debit', () => {
  test('choosing "SEPA Direct Debit" and a test IBAN → the success page at once, and the API shows the session paid a few seconds later', async ({
    page,
    merchant,
    shop,
    createSession,
  }) => {
    const session = await createSession(takesSepa);
    await page.goto(defined(session.url, 'session.url'));
    await expect(page.getByRole('group', { name: 'Payment method' })).toBeVisible();
    await expect(page.getByRole('radio', { name: 'Card' })).toBeChecked();
    await expect(page.getByLabel('IBAN')).toBeHidden();

    await page.getByRole('radio', { name: 'SEPA Direct Debit' }).check();
    await expect(page.getByLabel('Card number')).toBeHidden();
    await expect(page.getByTestId('sepa-mandate')).toContainText(
      'By providing your IBAN and confirming this payment, you authorise Test Shop',
    );

    await payBySepa(page, 'DE89 3704 0044 0532 0130 00');
    await expect(page).toHaveURL(shop.successUrlFor(session.id));
    await expect(page.getByRole('heading', { name: 'Order received' })).toBeVisible();

    const completed = await merchant.stripe.checkout.sessions.retrieve(session.id);
    expect(completed.status).toBe('complete');
    // Right after paying the debit is usually still processing; it may already have settled on a slow machine.
    expect(['unpaid', 'paid']).toContain(completed.payment_status);
    await expectPaymentStatus(merchant, session.id, 'paid', 'succeeded');
  });

  test('paying with the failing test IBAN → the success page, then the payment intent fails and the session stays unpaid', async ({
    page,
    merchant,
    shop,
    createSession,
  }) => {
    const session = await createSession(takesSepa);
    await page.goto(defined(session.url, 'session.url'));
    await payBySepa(page, 'DE62370400440532013001');
    await expect(page).toHaveURL(shop.successUrlFor(session.id));
    await expectPaymentStatus(merchant, session.id, 'unpaid', 'requires_payment_method');
  });

  test('a real-looking IBAN → "use a test IBAN", a bad checksum → "Your IBAN is invalid.", the session stays open', async ({
    page,
    merchant,
    createSession,
  }) => {
    const session = await createSession(takesSepa);
    await page.goto(defined(session.url, 'session.url'));
    await payBySepa(page, 'DE75 5121 0800 1245 1261 99');
    await expect(page.locator('#sepa-iban-error')).toContainText('use a test IBAN');
    await page.getByLabel('IBAN').fill('DE89 3704 0044 0532 0130 09');
    await page.getByRole('button', { name: 'Pay €25.00' }).click();
    await expect(page.locator('#sepa-iban-error')).toHaveText('Your IBAN is invalid.');
    expect((await merchant.stripe.checkout.sessions.retrieve(session.id)).status).toBe('open');
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });

    test('choosing SEPA Direct Debit and a test IBAN with JavaScript off → the merchant’s success page', async ({
      page,
      merchant,
      shop,
      createSession,
    }) => {
      const session = await createSession(takesSepa);
      await page.goto(defined(session.url, 'session.url'));
      await payBySepa(page, 'NL39RABO0300065264');
      await expect(page).toHaveURL(shop.successUrlFor(session.id));
      expect((await merchant.stripe.checkout.sessions.retrieve(session.id)).status).toBe('complete');
    });
  });
});
