import { expect, type Browser, type Page } from '@playwright/test';
import { randomClientAddress } from './client-address';
import { test as checkoutTest } from './fixtures';
import { newMerchant, type DashboardLogin, type Merchant } from './merchant';

/** Signs in on the dashboard's own form and waits for the home page. */
export async function signIn(page: Page, login: DashboardLogin): Promise<void> {
  await page.goto('/dashboard/sign-in');
  await expect(page.getByRole('heading', { name: 'Sign in to Caisse' })).toBeVisible();
  await page.getByLabel('Email').fill(login.email);
  await page.getByLabel('Password', { exact: true }).fill(login.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Checking a password is slow on purpose (scrypt), more so on a busy machine.
  await expect(page).toHaveURL(/\/dashboard$/, { timeout: 30_000 });
}

/** Signs out and waits until the sign-in page has replaced the dashboard. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/dashboard\/sign-in$/);
  await expect(page.getByRole('heading', { name: 'Sign in to Caisse' })).toBeVisible();
}

/** A page in a browser of its own, seen by Caisse as another client (its own address, as the proxy in front would give it). */
export async function otherClient(browser: Browser, baseURL: string, locale = 'en-US', address = randomClientAddress()): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale, extraHTTPHeaders: { 'x-forwarded-for': address } });
  return context.newPage();
}

type DashboardFixtures = {
  /** A merchant of this test's own with a dashboard owner, already signed in on `page`. */
  owner: Merchant & { owner: DashboardLogin };
};

/** The checkout fixtures plus a signed-in dashboard owner. Dashboard pages are in English unless a test asks. */
export const test = checkoutTest.extend<DashboardFixtures>({
  locale: 'en-US',
  owner: async ({ page }, use) => {
    const merchant = (await newMerchant('Owner Shop', { withOwner: true })) as Merchant & { owner: DashboardLogin };
    await signIn(page, merchant.owner);
    await use(merchant);
  },
});

export { expect };
