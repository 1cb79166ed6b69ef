import type { Page } from '@playwright/test';
import { oneTimePrice } from './support/catalog';
import { randomBytes } from 'node:crypto';
import { expect, signIn, test } from './support/dashboard';
import { newMerchant, type Merchant } from './support/merchant';
import { defined } from './support/defined';

// Another merchant's objects must be unreachable from a signed-in dashboard: through every page that
// takes an id, and through every server action, even when a hostile browser rewrites the action's
// arguments to name the other account's objects.

/**
 * Runs `act` with the page's server-action requests rewritten to name `theirs` wherever they named
 * `ours` (what a hostile client could send), and waits for the action's answer.
 */
async function asIfFor(page: Page, ours: string, theirs: string, act: () => Promise<void>) {
  let rewritten = 0;
  await page.route('**/dashboard/**', async (route) => {
    const req = route.request();
    const body = req.postData() ?? '';
    if (req.method() === 'POST' && req.headers()['next-action'] && body.includes(ours)) {
      rewritten++;
      return route.continue({ postData: body.replaceAll(ours, theirs) });
    }
    return route.continue();
  });
  const answered = page.waitForResponse((r) => r.request().method() === 'POST' && !!r.request().headers()['next-action']);
  await act();
  await answered;
  await page.unrouteAll({ behavior: 'wait' });
  expect(rewritten, 'the action named our object, so the rewrite took place').toBeGreaterThan(0);
}

async function catalogOf(m: Merchant) {
  const price = await oneTimePrice(m.stripe, 1500, 'eur');
  const productId = price.product as string;
  const coupon = await m.stripe.coupons.create({ percent_off: 10, duration: 'once' });
  const endpoint = await m.stripe.webhookEndpoints.create({ url: 'https://example.com/hooks', enabled_events: ['*'] });
  return { price, productId, coupon, endpoint };
}

test('another account’s objects → 404 on every dashboard page that takes an id', async ({ page, owner, shop }) => {
  const other = await newMerchant('Other Shop');
  const pages = async (m: Merchant) => {
    const { price, productId, coupon, endpoint } = await catalogOf(m);
    const session = await m.stripe.checkout.sessions.create({
      mode: 'payment',
      success_url: shop.successUrl,
      line_items: [{ price: price.id, quantity: 1 }],
    });
    const [event] = (await m.stripe.events.list({ limit: 1 })).data;
    return [
      `/dashboard/sessions/${session.id}`,
      `/dashboard/catalog/products/${productId}`,
      `/dashboard/catalog/coupons/${coupon.id}`,
      `/dashboard/developers/webhooks/${endpoint.id}`,
      `/dashboard/developers/events/${event.id}`,
    ];
  };
  const [mine, theirs] = await Promise.all([pages(owner), pages(other)]);
  for (const path of mine) expect((await page.goto(path))?.status(), path).toBe(200);
  for (const path of theirs) expect((await page.goto(path))?.status(), path).toBe(404);
});

test('another account’s objects → untouched by rewritten catalog actions', async ({ page, owner }) => {
  const other = await newMerchant('Other Shop');
  const [mine, theirs] = await Promise.all([catalogOf(owner), catalogOf(other)]);

  await page.goto(`/dashboard/catalog/products/${mine.productId}`);
  await asIfFor(page, mine.productId, theirs.productId, () => page.getByRole('button', { name: 'Archive product' }).click());
  await expect(page.getByText(/No such product/)).toBeVisible();

  await page.goto(`/dashboard/catalog/products/${mine.productId}`);
  const row = page.getByRole('row').filter({ hasText: '€15.00' });
  await asIfFor(page, mine.price.id, theirs.price.id, () => row.getByRole('button', { name: 'Archive' }).click());

  await page.goto('/dashboard/catalog/coupons');
  page.once('dialog', (d) => d.accept());
  await asIfFor(page, mine.coupon.id, theirs.coupon.id, () =>
    page.getByRole('row').filter({ hasText: '10%' }).getByRole('button', { name: 'Delete' }).click(),
  );

  expect((await other.stripe.products.retrieve(theirs.productId)).active).toBe(true);
  expect((await other.stripe.prices.retrieve(theirs.price.id)).active).toBe(true);
  expect((await other.stripe.coupons.retrieve(theirs.coupon.id)).valid).toBe(true);
  // Ours were not touched either: the rewritten request named only theirs.
  expect((await owner.stripe.products.retrieve(mine.productId)).active).toBe(true);
});

test('another account’s price → refused by a rewritten "Create checkout session", no session made', async ({ page, owner, shop }) => {
  const other = await newMerchant('Other Shop');
  const [mine, theirs] = await Promise.all([oneTimePrice(owner.stripe, 1800, 'eur'), oneTimePrice(other.stripe, 9900, 'eur')]);
  await page.goto('/dashboard/catalog/new-session');
  await page.getByLabel(/— €18\.00$/).check();
  await page.getByLabel('Success URL').fill(shop.successUrl);
  await asIfFor(page, mine.id, theirs.id, () => page.getByRole('button', { name: 'Create session' }).click());
  await expect(page.getByText(/No such price/)).toBeVisible();
  expect((await other.stripe.checkout.sessions.list()).data).toHaveLength(0);
  expect((await owner.stripe.checkout.sessions.list()).data).toHaveLength(0);
});

test('another account’s webhook endpoint → untouched by rewritten endpoint actions', async ({ page, owner }) => {
  const other = await newMerchant('Other Shop');
  const [mine, theirs] = await Promise.all(
    [owner, other].map((m) => m.stripe.webhookEndpoints.create({ url: 'https://example.com/hooks', enabled_events: ['*'] })),
  );
  await page.goto(`/dashboard/developers/webhooks/${mine.id}`);
  await asIfFor(page, mine.id, theirs.id, () => page.getByRole('button', { name: 'Disable' }).click());
  await page.goto(`/dashboard/developers/webhooks/${mine.id}`);
  await page.getByRole('button', { name: 'Delete endpoint…' }).click();
  await asIfFor(page, mine.id, theirs.id, () => page.getByRole('button', { name: 'Delete endpoint', exact: true }).click());

  const after = await other.stripe.webhookEndpoints.retrieve(theirs.id);
  expect(after.status).toBe('enabled');
  expect((await owner.stripe.webhookEndpoints.retrieve(mine.id)).status).toBe('enabled');
});

test('another account’s id in the account cookie → ignored, the dashboard stays on the user’s own', async ({
  page,
  context,
  owner,
  baseURL,
}) => {
  const other = await newMerchant('Other Shop', { withOwner: true });
  await context.addCookies([{ name: 'caisse_account', value: other.id, url: defined(baseURL, 'baseURL') }]);
  await page.goto('/dashboard');
  await expect(page.getByTestId('account-name')).toHaveText('Owner Shop');
  await page.goto('/dashboard/catalog');
  await expect(page.getByTestId('account-name')).toHaveText('Owner Shop');
  expect(owner.id).not.toBe(other.id);
});

test('another account’s custom domain → neither verified nor removed by rewritten domain actions', async ({
  page,
  browser,
  owner: _signedIn,
}) => {
  const other = await newMerchant('Other Shop', { withOwner: true });
  const theirPage = await browser.newPage({ locale: 'en-US' });
  await signIn(theirPage, defined(other.owner, 'other.owner'));
  const add = async (p: Page) => {
    const hostname = `pay.${randomBytes(5).toString('hex')}.test`;
    await p.goto('/dashboard/domains');
    await p.getByLabel('Host name').fill(hostname);
    await p.getByRole('button', { name: 'Add domain' }).click();
    await expect(p.getByRole('heading', { name: hostname, exact: true })).toBeVisible();
    // The domain's id reaches the page only as its buttons' argument, in the page's data.
    const [id] = (await p.content()).match(/dom_[A-Za-z0-9]{24}/) ?? [];
    expect(id).toBeTruthy();
    return { hostname, id: defined(id, 'id') };
  };
  const mine = await add(page);
  const theirs = await add(theirPage);

  await page.getByRole('button', { name: `Remove ${mine.hostname}` }).click();
  await asIfFor(page, mine.id, theirs.id, () => page.getByRole('button', { name: 'Yes, remove it' }).click());
  await expect(page.getByText('This domain no longer exists. Reload the page.')).toBeVisible();
  // A fresh page, so the refusal below is Verify's own and not the one above.
  await page.reload();
  await asIfFor(page, mine.id, theirs.id, () => page.getByRole('button', { name: 'Verify' }).click());
  await expect(page.getByText('This domain no longer exists. Reload the page.')).toBeVisible();

  await theirPage.reload();
  await expect(theirPage.getByRole('heading', { name: theirs.hostname, exact: true })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: mine.hostname, exact: true })).toBeVisible();
  await theirPage.close();
});
