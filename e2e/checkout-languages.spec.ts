import { readFileSync } from 'node:fs';
import path from 'node:path';
import type Stripe from 'stripe';
import { expectAxeClean } from './support/axe';
import { futureExpiry, untilInteractive } from './support/checkout-page';
import { expect, test } from './support/fixtures';
import { defined } from './support/defined';

type Messages = { [key: string]: string | Messages };
const messagesOf = (locale: string) =>
  JSON.parse(readFileSync(path.resolve(__dirname, '../messages', `${locale}.json`), 'utf8')) as Messages;

/** What the page says in a locale for a message: the labels and buttons used here are plain text with {placeholders}. */
function say(locale: string, key: string, values: Record<string, string> = {}): string {
  const message = key.split('.').reduce<string | Messages>((at, part) => (typeof at === 'string' ? at : at[part]), messagesOf(locale));
  if (typeof message !== 'string') throw new Error(`${locale}: ${key} is not a message`);
  return message.replace(/\{(\w+)\}/g, (_, arg: string) => values[arg]);
}

const money = (locale: string, minor: number, currency: string) =>
  new Intl.NumberFormat(locale, { style: 'currency', currency }).format(minor / 100);

/** Pays with 4242 through the page's own labels in its language: the form works in every locale, not only in English. */
async function payIn(page: import('@playwright/test').Page, locale: string, amount: string) {
  await untilInteractive(page);
  await page.getByLabel(say(locale, 'Contact.email'), { exact: true }).fill('jenny.rosen@example.com');
  await page.getByLabel(say(locale, 'Card.number')).fill('4242 4242 4242 4242');
  await page.getByLabel(say(locale, 'Card.expiry')).fill(futureExpiry());
  await page.getByLabel(say(locale, 'Card.cvc'), { exact: true }).fill('123');
  await page.getByLabel(say(locale, 'Card.name')).fill('Jenny Rosen');
  const billing = page.getByRole('group', { name: say(locale, 'Address.billingTitle') });
  await billing.getByLabel(say(locale, 'Address.country')).selectOption('FR');
  // France calls it a postal code (Google's address data), in the page's language.
  await billing.getByLabel(say(locale, 'Address.postal.postal')).fill('75001');
  await page.getByRole('button', { name: say(locale, 'PayButton.pay', { amount }) }).click();
}

test.describe('the page in every language Stripe Checkout speaks, and right to left', () => {
  test('locale "ar" → Arabic, laid out right to left, axe clean; the customer pays through the Arabic labels', async ({
    page,
    merchant,
    shop,
    createSession,
  }) => {
    // Arabic is Caisse's own, beyond the SDK's list of locales.
    const session = await createSession({ locale: 'ar' as Stripe.Checkout.SessionCreateParams.Locale });
    await page.goto(defined(session.url, 'session.url'));

    await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    const amount = money('ar', 2500, 'eur');
    await expect(page.getByTestId('total-due')).toContainText(amount);
    // Right to left: the total's amount sits left of its label.
    const amountBox = defined(await page.getByTestId('total-due').locator('dd').boundingBox(), 'amount box');
    const labelBox = defined(await page.getByTestId('total-due').locator('dt').boundingBox(), 'label box');
    expect(amountBox.x).toBeLessThan(labelBox.x);
    await expectAxeClean(page);

    await payIn(page, 'ar', amount);
    await expect(page).toHaveURL(shop.successUrlFor(session.id));
    expect((await merchant.stripe.checkout.sessions.retrieve(session.id)).status).toBe('complete');
  });

  test('locale "he" → Hebrew, right to left, axe clean', async ({ page, createSession }) => {
    const session = await createSession({ locale: 'he' as Stripe.Checkout.SessionCreateParams.Locale });
    await page.goto(defined(session.url, 'session.url'));
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.getByRole('button', { name: say('he', 'PayButton.pay', { amount: money('he', 2500, 'eur') }) })).toBeVisible();
    await expectAxeClean(page);
  });

  test.describe('with a Mexican browser', () => {
    test.use({ locale: 'es-MX' });

    test('locale auto → Latin American Spanish (es-419), left to right, axe clean; the customer pays', async ({
      page,
      shop,
      createSession,
    }) => {
      const session = await createSession({ locale: 'auto' });
      await page.goto(defined(session.url, 'session.url'));
      await expect(page.locator('html')).toHaveAttribute('lang', 'es-419');
      await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
      await expectAxeClean(page);
      await payIn(page, 'es-419', money('es-419', 2500, 'eur'));
      await expect(page).toHaveURL(shop.successUrlFor(session.id));
    });
  });

  test.describe('with a Hong Kong browser', () => {
    test.use({ locale: 'zh-Hant-HK' });

    test('no locale → Hong Kong Chinese (zh-HK)', async ({ page, createSession }) => {
      const session = await createSession();
      await page.goto(defined(session.url, 'session.url'));
      await expect(page.locator('html')).toHaveAttribute('lang', 'zh-HK');
      await expect(page.getByLabel(say('zh-HK', 'Card.number'))).toBeVisible();
    });
  });

  test('locale "ja" → Japanese, axe clean; the customer pays through the Japanese labels', async ({ page, shop, createSession }) => {
    const session = await createSession({ locale: 'ja' });
    await page.goto(defined(session.url, 'session.url'));
    await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
    await expectAxeClean(page);
    await payIn(page, 'ja', money('ja', 2500, 'eur'));
    await expect(page).toHaveURL(shop.successUrlFor(session.id));
  });
});
