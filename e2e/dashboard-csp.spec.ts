import type { Page } from '@playwright/test';
import { expect, test } from './support/dashboard';
import { defined } from './support/defined';

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

/** Every CSP violation any frame of the page reported since its document loaded. */
async function violations(page: Page): Promise<string[]> {
  const all = await Promise.all(page.frames().map((f) => f.evaluate(() => window.__cspViolations ?? []).catch(() => [] as string[])));
  return all.flat();
}

/** The page's CSP nonce, after checking the header is a script policy with one, and that every script element carries it. */
async function expectNonceOnEveryScript(page: Page, path: string): Promise<string> {
  const res = await page.goto(path);
  expect(res?.status(), path).toBe(200);
  const csp = defined(res, 'the response').headers()['content-security-policy'] ?? '';
  expect(csp, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp, path).toContain("frame-ancestors 'self'");
  const nonce = defined(/'nonce-([^']+)'/.exec(csp), `a nonce in ${csp}`)[1];
  await expect(page.getByTestId('account-name')).toBeVisible();
  const scripts = await page
    .locator('script')
    .evaluateAll((els) => els.map((s) => ({ src: (s as HTMLScriptElement).src || 'inline', nonce: (s as HTMLScriptElement).nonce })));
  expect(scripts.length, path).toBeGreaterThan(0);
  for (const s of scripts) expect(s.nonce, `${path}: ${s.src}`).toBe(nonce);
  return nonce;
}

test('dashboard pages → a per-request script nonce CSP, every script carries it, and no violation while the merchant works', async ({
  page,
  owner,
}) => {
  test.setTimeout(60_000);
  // Recorded inside each document (frames included) from its very first script on.
  await page.addInitScript(() => {
    const violations: string[] = [];
    window.__cspViolations = violations;
    document.addEventListener('securitypolicyviolation', (e) => {
      violations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });

  const nonces = new Set<string>();
  for (const path of [
    '/dashboard',
    '/dashboard/catalog',
    '/dashboard/sessions',
    '/dashboard/developers',
    '/dashboard/domains',
    '/dashboard/settings',
    '/dashboard/account',
  ]) {
    nonces.add(await expectNonceOnEveryScript(page, path));
    expect(await violations(page), path).toEqual([]);
  }
  await expect(page.getByTestId('account-name')).toHaveText('Owner Shop');
  expect(owner.id).toMatch(/^acct_/);
  // A fresh nonce on every response.
  expect(nonces.size).toBe(7);

  // The pages still work: a product made through the form (client code, a server action, a redirect).
  await page.goto('/dashboard/catalog/products/new');
  await page.getByLabel('Name').fill('Nonce tea');
  await page.getByRole('button', { name: 'Create product' }).click();
  await expect(page.getByRole('heading', { name: 'Nonce tea' })).toBeVisible();
  expect(await violations(page)).toEqual([]);

  // The branding page, with its checkout preview framed from the dashboard itself.
  await page.goto('/dashboard/branding');
  await expect(page.locator('iframe').first().contentFrame().locator('body')).toBeVisible();
  expect(await violations(page)).toEqual([]);
  expect(consoleErrors.filter((e) => /Content.Security.Policy/i.test(e))).toEqual([]);

  // And the policy is enforced: markup injected into the page cannot run script (an inline handler has no nonce).
  await page.goto('/dashboard');
  await page.evaluate(() => {
    document.body.insertAdjacentHTML('beforeend', '<img alt="" src="/no-such-image.png" onerror="window.__injected = true">');
  });
  await expect.poll(() => violations(page)).toContainEqual(expect.stringMatching(/^script-src/));
  expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
});
