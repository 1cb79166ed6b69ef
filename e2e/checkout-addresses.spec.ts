import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expectAxeClean } from './support/axe';
import { fillCard, untilInteractive } from './support/checkout-page';
import { expect, test } from './support/fixtures';
import { defined } from './support/defined';

type Messages = { Address: Record<string, string | Record<string, string>>; PayButton: Record<string, string> };
const messagesOf = (locale: string) =>
  JSON.parse(readFileSync(path.resolve(__dirname, '../messages', `${locale}.json`), 'utf8')) as Messages;
const label = (locale: string, group: 'region' | 'postal' | 'locality', type: string) =>
  (messagesOf(locale).Address[group] as Record<string, string>)[type];

const FULL_BILLING = { billing_address_collection: 'required' } as const;
const billing = (page: Page) => page.getByRole('group', { name: 'Billing address' });

async function startPaying(page: Page) {
  await untilInteractive(page);
  await page.getByLabel('Email', { exact: true }).fill('jenny.rosen@example.com');
  await fillCard(page, '4242 4242 4242 4242');
  await billing(page).getByLabel('Full name').fill('Jenny Rosen');
}

test.describe('the address form follows the country', () => {
  test('a UK address: Postcode and Town or city, no state; a bad postcode is refused, a real one pays', async ({
    page,
    merchant,
    shop,
    createSession,
  }) => {
    const session = await createSession(FULL_BILLING);
    await page.goto(defined(session.url, 'session.url'));
    await startPaying(page);
    const form = billing(page);
    await form.getByLabel('Country or region').selectOption('GB');
    await expect(form.getByLabel('Postcode')).toBeVisible();
    await expect(form.getByLabel('Town or city')).toBeVisible();
    await expect(form.getByLabel('State', { exact: true })).toHaveCount(0);
    await form.getByLabel('Address line 1').fill('10 Downing Street');
    await form.getByLabel('Town or city').fill('London');
    await form.getByLabel('Postcode').fill('SW1A');
    await page.getByRole('button', { name: 'Pay €25.00' }).click();
    await expect(form.getByLabel('Postcode')).toHaveAccessibleDescription(
      /^This postal code is not valid for United Kingdom\. Example: .+\.$/,
    );
    expect((await merchant.stripe.checkout.sessions.retrieve(session.id)).status).toBe('open');
    await expectAxeClean(page);

    await fillCard(page, '4242 4242 4242 4242');
    await form.getByLabel('Postcode').fill('SW1A 2AA');
    await page.getByRole('button', { name: 'Pay €25.00' }).click();
    await expect(page).toHaveURL(shop.successUrlFor(session.id));
    const paid = await merchant.stripe.checkout.sessions.retrieve(session.id);
    expect(paid.customer_details?.address).toMatchObject({ country: 'GB', city: 'London', postal_code: 'SW1A 2AA', state: null });
  });

  test('a US address: a State list and a ZIP code, both required', async ({ page, merchant, shop, createSession }) => {
    const session = await createSession(FULL_BILLING);
    await page.goto(defined(session.url, 'session.url'));
    await startPaying(page);
    const form = billing(page);
    // An American browser: the United States is chosen already.
    await expect(form.getByLabel('Country or region')).toHaveValue('US');
    await form.getByLabel('Address line 1').fill('510 Townsend St');
    await form.getByLabel('City').fill('San Francisco');
    await page.getByRole('button', { name: 'Pay €25.00' }).click();
    await expect(form.getByLabel('State', { exact: true })).toHaveAccessibleDescription('Enter a state or province.');
    await expect(form.getByLabel('ZIP code')).toHaveAccessibleDescription('Enter a postal code.');

    await form.getByLabel('State', { exact: true }).selectOption({ label: 'California' });
    await form.getByLabel('ZIP code').fill('94103');
    await page.getByRole('button', { name: 'Pay €25.00' }).click();
    await expect(page).toHaveURL(shop.successUrlFor(session.id));
    const paid = await merchant.stripe.checkout.sessions.retrieve(session.id);
    expect(paid.customer_details?.address).toMatchObject({ country: 'US', state: 'CA', postal_code: '94103', city: 'San Francisco' });
  });

  test.describe('with a Japanese browser', () => {
    test.use({ locale: 'ja-JP' });

    test('locale ja → Japan chosen, its prefectures named in Japanese, axe clean', async ({ page, createSession }) => {
      const session = await createSession({ ...FULL_BILLING, locale: 'ja' });
      await page.goto(defined(session.url, 'session.url'));
      const form = page.getByRole('group', { name: messagesOf('ja').Address.billingTitle as string });
      await expect(form.getByLabel(messagesOf('ja').Address.country as string)).toHaveValue('JP');
      const prefecture = form.getByLabel(label('ja', 'region', 'prefecture'), { exact: true });
      await expect(prefecture.locator('option', { hasText: '東京都' })).toHaveCount(1);
      await expect(form.getByLabel(label('ja', 'postal', 'postal'), { exact: true })).toBeVisible();
      await expectAxeClean(page);
    });
  });

  test.describe('with a Mexican browser', () => {
    test.use({ locale: 'es-MX' });

    test('locale auto → Latin American Spanish, Mexico chosen with its states; changing the country changes the form', async ({
      page,
      createSession,
    }) => {
      const session = await createSession({ ...FULL_BILLING, locale: 'auto' });
      await page.goto(defined(session.url, 'session.url'));
      await untilInteractive(page);
      const form = page.getByRole('group', { name: messagesOf('es-419').Address.billingTitle as string });
      await expect(form.getByLabel(messagesOf('es-419').Address.country as string)).toHaveValue('MX');
      const state = form.getByLabel(label('es-419', 'region', 'state'), { exact: true });
      await expect(state.locator('option', { hasText: 'Jalisco' })).toHaveCount(1);
      await expectAxeClean(page);

      // Canada: its provinces arrive from the server once picked.
      await form.getByLabel(messagesOf('es-419').Address.country as string).selectOption('CA');
      const province = form.getByLabel(label('es-419', 'region', 'province'), { exact: true });
      await expect(province.locator('option', { hasText: 'Quebec' })).toHaveCount(1);
    });
  });
});
