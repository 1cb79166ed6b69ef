import { randomBytes } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type Stripe from 'stripe';
import { oneTimePrice } from './support/catalog';
import { CARDS, fillPaymentDetails } from './support/checkout-page';
import { expect, test } from './support/dashboard';
import type { MerchantSite } from './support/merchant-site';
import { newMerchant } from './support/merchant';
import { defined } from './support/defined';

/** A €25.00 T-shirt session of the signed-in owner's own account. */
async function ownerSession(stripe: Stripe, shop: MerchantSite, params: Partial<Stripe.Checkout.SessionCreateParams> = {}) {
  const price = await oneTimePrice(stripe, 2500, 'eur');
  return stripe.checkout.sessions.create({
    mode: 'payment',
    success_url: shop.successUrl,
    cancel_url: shop.cancelUrl,
    line_items: [{ price: price.id, quantity: 1 }],
    ...params,
  });
}

/** Pays a session on the hosted page and waits for the merchant's success page. */
async function pay(page: Page, shop: MerchantSite, session: Stripe.Checkout.Session, email: string, card: string = CARDS.visa) {
  await page.goto(defined(session.url, 'session.url'));
  await fillPaymentDetails(page, { email, card });
  await page.getByRole('button', { name: 'Pay €25.00' }).click();
  if (card === CARDS.threeDSecure) {
    await expect(page).toHaveURL(`${session.url}/authenticate`);
    await page.getByRole('button', { name: 'Complete' }).click();
  }
  await expect(page).toHaveURL(shop.successUrlFor(session.id));
}

const buyerEmail = () => `buyer-${randomBytes(5).toString('hex')}@example.com`;
const todayUtc = () => new Date().toISOString().slice(0, 10);
const tomorrowUtc = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

/** The session ids a list page shows, in order (from the links to their detail pages). */
async function listedIds(page: Page): Promise<string[]> {
  const hrefs = await page.getByTestId('session-link').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  return hrefs.map((h) => defined(h.split('/').pop(), `a session id in ${h}`));
}

async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ rule: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

test('a customer pays a session → the home counts it today with its revenue, the list and search find it, the detail shows items, card and event', async ({
  page,
  owner,
  shop,
}) => {
  await owner.stripe.webhookEndpoints.create({ url: 'https://hooks.example.test/caisse', enabled_events: ['checkout.session.completed'] });
  const paid = await ownerSession(owner.stripe, shop);
  const open = await ownerSession(owner.stripe, shop);
  const email = buyerEmail();
  await pay(page, shop, paid, email);

  await page.goto('/dashboard');
  await expect(page.getByTestId('stats-today')).toContainText('1 paid session');
  await expect(page.getByTestId('stats-today')).toContainText('€25.00');
  await expect(page.getByTestId('stats-month')).toContainText('1 paid session');
  await expect(page.getByTestId('stats-conversion')).toContainText('50%');
  await expect(page.getByTestId('stats-conversion')).toContainText('1 of 2 sessions');
  await expect(page.getByRole('img', { name: 'Paid sessions per day, last 30 days' })).toBeVisible();
  await page.getByText('Show as a table').click();
  await expect(page.getByTestId('daily-table').getByRole('row', { name: new RegExp(todayUtc()) })).toContainText('€25.00');
  await expect(page.getByRole('row', { name: new RegExp(email) })).toContainText('Complete');

  await page.goto('/dashboard/sessions');
  const row = page.getByRole('row', { name: new RegExp(email) });
  await expect(row).toContainText('€25.00');
  await expect(row).toContainText('EUR');
  await expect(row).toContainText('Complete');
  await expect(row).toContainText('Paid');
  await expect.poll(() => listedIds(page)).toEqual([open.id, paid.id]);

  await page.getByLabel('Status', { exact: true }).selectOption('open');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/status=open/);
  await expect.poll(() => listedIds(page)).toEqual([open.id]);

  await page.goto(`/dashboard/sessions?payment_status=paid`);
  await expect.poll(() => listedIds(page)).toEqual([paid.id]);
  await page.goto(`/dashboard/sessions?from=${tomorrowUtc()}`);
  await expect(page.getByText('No sessions match these filters.')).toBeVisible();
  await page.goto(`/dashboard/sessions?from=${todayUtc()}&to=${todayUtc()}`);
  await expect.poll(() => listedIds(page)).toEqual([open.id, paid.id]);

  await page.goto('/dashboard/sessions');
  await page.getByLabel('Email or session ID').fill(email.toUpperCase());
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/q=buyer/i);
  await expect.poll(() => listedIds(page)).toEqual([paid.id]);
  await page.goto(`/dashboard/sessions?q=${open.id}`);
  await expect.poll(() => listedIds(page)).toEqual([open.id]);

  await page.goto('/dashboard/sessions?payment_status=paid');
  await page.getByTestId('session-link').click();
  await expect(page).toHaveURL(`/dashboard/sessions/${paid.id}`);
  await expect(page.getByTestId('session-id')).toHaveText(paid.id);
  await expect(page.getByTestId('session-statuses')).toHaveText(/Complete\s*Paid/);
  await expect(page.getByRole('table', { name: 'Line items' }).getByRole('row', { name: /T-shirt/ })).toContainText('€25.00');
  await expect(page.getByTestId('session-total')).toHaveText('€25.00');
  await expect(page.getByTestId('customer-details')).toContainText(email);
  await expect(page.getByTestId('customer-details')).toContainText('Jenny Rosen');
  await expect(page.getByTestId('payment-details')).toContainText('Visa ending in 4242');
  await expect(page.getByTestId('payment-details')).toContainText('succeeded');
  const completed = page.getByTestId('session-events').getByRole('listitem').filter({ hasText: 'checkout.session.completed' });
  await expect(completed).toContainText('https://hooks.example.test/caisse');
  await expect(page.getByTestId('session-events')).toContainText('payment_intent.succeeded');
  await expect(page.getByTestId('hosted-url')).toHaveCount(0);

  await page.goto(`/dashboard/sessions/${open.id}`);
  await expect(page.getByTestId('hosted-url')).toHaveText(defined(open.url, 'open.url'));
  await expect(page.getByText('No payment has been attempted.')).toBeVisible();
});

test('a customer pays with a 3-D Secure card → the detail shows the card as authenticated by 3-D Secure', async ({ page, owner, shop }) => {
  const session = await ownerSession(owner.stripe, shop);
  await pay(page, shop, session, buyerEmail(), CARDS.threeDSecure);

  await page.goto(`/dashboard/sessions/${session.id}`);
  const payment = page.getByTestId('payment-details');
  await expect(payment).toContainText('Visa ending in 3184');
  await expect(payment).toContainText(/3-D Secure\s*Authenticated/);
});

test('a customer pays with shipping, a phone, a custom field and consent → the detail shows each, and the totals as the API has them', async ({
  page,
  owner,
  shop,
}) => {
  const session = await ownerSession(owner.stripe, shop, {
    shipping_address_collection: { allowed_countries: ['FR'] },
    shipping_options: [
      { shipping_rate_data: { display_name: 'Colissimo', type: 'fixed_amount', fixed_amount: { amount: 500, currency: 'eur' } } },
    ],
    phone_number_collection: { enabled: true },
    custom_fields: [
      {
        key: 'size',
        label: { type: 'custom', custom: 'Size' },
        type: 'dropdown',
        dropdown: {
          options: [
            { label: 'Small', value: 'small' },
            { label: 'Large', value: 'large' },
          ],
        },
      },
    ],
    consent_collection: { terms_of_service: 'required' },
  });
  await page.goto(defined(session.url, 'session.url'));
  await fillPaymentDetails(page, { email: buyerEmail() });
  const shipping = page.getByRole('group', { name: 'Shipping address' });
  await shipping.getByLabel('Full name').fill('Ada Lovelace');
  await shipping.getByLabel('Country or region').selectOption('FR');
  await shipping.getByLabel('Address line 1').fill('12 rue des Lilas');
  await shipping.getByLabel('City').fill('Lyon');
  await shipping.getByLabel('Postal code').fill('69001');
  await page.getByLabel('Phone', { exact: true }).fill('+33612345678');
  await page.getByLabel('Size', { exact: true }).selectOption({ label: 'Large' });
  await page.getByRole('checkbox', { name: 'I agree to the terms of service' }).check();
  await page.getByRole('button', { name: 'Pay €30.00' }).click();
  await expect(page).toHaveURL(shop.successUrlFor(session.id));

  await page.goto(`/dashboard/sessions/${session.id}`);
  await expect(page.getByTestId('session-totals')).toContainText(/Subtotal\s*€25\.00/);
  await expect(page.getByTestId('session-totals')).toContainText(/Shipping\s*€5\.00/);
  await expect(page.getByTestId('session-total')).toHaveText('€30.00');
  await expect(page.getByTestId('customer-details')).toContainText('+33612345678');
  await expect(page.getByTestId('shipping-details')).toContainText('Colissimo');
  await expect(page.getByTestId('shipping-details')).toContainText('12 rue des Lilas');
  await expect(page.getByTestId('shipping-details')).toContainText('69001 Lyon');
  await expect(page.getByTestId('custom-fields')).toContainText(/Size\s*Large/);
  await expect(page.getByTestId('consent')).toContainText(/Terms of service\s*Accepted/);
});

test('paging through 25 sessions created via the API → each shows exactly once, and "Newer" goes back to the first page', async ({
  page,
  owner,
  shop,
}) => {
  const price = await oneTimePrice(owner.stripe, 1000, 'usd');
  const created: string[] = [];
  // In batches: several sessions per batch share a creation time, which the pages must still split correctly.
  for (let batch = 0; batch < 5; batch++) {
    const sessions = await Promise.all(
      Array.from({ length: 5 }, () =>
        owner.stripe.checkout.sessions.create({
          mode: 'payment',
          success_url: shop.successUrl,
          line_items: [{ price: price.id, quantity: 1 }],
        }),
      ),
    );
    created.push(...sessions.map((s) => s.id));
  }

  await page.goto('/dashboard/sessions');
  const first = await listedIds(page);
  const seen = [...first];
  while (await page.getByRole('link', { name: /Older/ }).count()) {
    const previousLast = defined(seen.at(-1), 'the last session listed so far');
    await page.getByRole('link', { name: /Older/ }).click();
    await expect(page).toHaveURL(/after=cs_/);
    // The next page has loaded once its rows are no longer the previous page's.
    await expect.poll(async () => (await listedIds(page)).includes(previousLast)).toBe(false);
    seen.push(...(await listedIds(page)));
  }
  expect(seen).toHaveLength(25);
  expect(new Set(seen)).toEqual(new Set(created));
  expect(first).toHaveLength(20);

  await page.getByRole('link', { name: /Newer/ }).click();
  await expect(page).toHaveURL(/before=cs_/);
  await expect.poll(() => listedIds(page)).toEqual(first);
  await expect(page.getByRole('link', { name: /Newer/ })).toHaveCount(0);
});

test('opening another account’s session id → not found, while its own sessions open', async ({ page, owner, shop }) => {
  const mine = await ownerSession(owner.stripe, shop);
  expect((await page.goto(`/dashboard/sessions/${mine.id}`))?.status()).toBe(200);
  const other = await newMerchant('Other Shop');
  const price = await oneTimePrice(other.stripe, 2500, 'eur');
  const theirs = await other.stripe.checkout.sessions.create({
    mode: 'payment',
    success_url: 'https://shop.example/ok',
    line_items: [{ price: price.id, quantity: 1 }],
  });

  const response = await page.goto(`/dashboard/sessions/${theirs.id}`);
  expect(response?.status()).toBe(404);
  await page.goto(`/dashboard/sessions?q=${theirs.id}`);
  await expect(page.getByText('No sessions match these filters.')).toBeVisible();
});

test('home, list and detail of a paid session → no serious or critical axe violations', async ({ page, owner, shop }) => {
  const session = await ownerSession(owner.stripe, shop);
  await pay(page, shop, session, buyerEmail());

  for (const path of ['/dashboard', '/dashboard/sessions', `/dashboard/sessions/${session.id}`]) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await seriousViolations(page), path).toEqual([]);
  }
});

test('the list and a detail at phone width (375 px) → no sideways scrolling of the page, the table scrolls on its own', async ({
  page,
  owner,
  shop,
}) => {
  const session = await ownerSession(owner.stripe, shop, { customer_email: 'a.very.long.customer.address@example.com' });
  await page.setViewportSize({ width: 375, height: 740 });

  for (const path of ['/dashboard/sessions', `/dashboard/sessions/${session.id}`]) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const scrollWidth = await page.evaluate(() => {
      if (!document.scrollingElement) throw new Error('The document has no scrolling element');
      return document.scrollingElement.scrollWidth;
    });
    expect(scrollWidth, path).toBeLessThanOrEqual(375);
    // The widest table is the part that scrolls: its own box is wider than the phone.
    const table = page.getByRole('table').first();
    expect(
      await table.evaluate((t) => {
        if (!t.parentElement) throw new Error('The table has no parent');
        return t.parentElement.scrollWidth > t.parentElement.clientWidth;
      }),
      path,
    ).toBe(true);
  }
  await expect(page.getByTestId('hosted-url')).toBeVisible();
});
