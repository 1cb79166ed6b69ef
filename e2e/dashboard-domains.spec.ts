import { randomBytes } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from '@playwright/test';
import { oneTimePrice } from './support/catalog';
import { fillPaymentDetails } from './support/checkout-page';
import { expect, signIn, test } from './support/dashboard';
import { startDnsStub, type DnsStub } from './support/dns-stub';
import { newMerchant, newMerchantOn, stripeError } from './support/merchant';
import { startTestServer, type TestServer } from './support/test-server';
import { defined } from './support/defined';

const randomDomain = () => `pay.${randomBytes(5).toString('hex')}.test`;

/** One domain's entry on the domains page. */
const domainItem = (page: Page, hostname: string) =>
  page.getByTestId('custom-domain').filter({ has: page.getByRole('heading', { name: hostname, exact: true }) });

async function addDomain(page: Page, hostname: string) {
  await page.getByLabel('Host name').fill(hostname);
  await page.getByRole('button', { name: 'Add domain' }).click();
}

async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ rule: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

test.describe('custom domain through DNS', () => {
  // This test's own server, whose DNS lookups go to this test's DNS server.
  let dns: DnsStub;
  let server: TestServer;
  let browser: Browser;
  const domain = randomDomain();
  // What beforeAll started, stopped in reverse order: only what did start, if it failed half-way.
  const started: (() => Promise<void>)[] = [];

  test.beforeAll(async ({}, testInfo) => {
    test.setTimeout(120_000);
    dns = await startDnsStub();
    started.push(() => dns.close());
    server = await startTestServer({ DNS_SERVERS: dns.address });
    started.push(() => server.stop());
    // Chromium resolves the custom domain to this server (port included), as DNS would in production.
    const launch = testInfo.project.use.launchOptions ?? {};
    browser = await chromium.launch({
      ...launch,
      args: [...(launch.args ?? []), `--host-resolver-rules=MAP ${domain} ${new URL(server.url).host}`],
    });
    started.push(() => browser.close());
  });

  test.afterAll(async () => {
    for (const stop of started.reverse()) await stop();
  });

  test('a merchant adds a domain and verifies its TXT record → checkout links use it, and that host serves checkout pages only', async ({
    shop,
  }) => {
    test.setTimeout(120_000);
    const merchant = await newMerchantOn(server, 'Domain Shop', { withOwner: true });
    const dashboard = await (await browser.newContext({ baseURL: server.url, locale: 'en-US' })).newPage();
    await signIn(dashboard, defined(merchant.owner, 'merchant.owner'));
    await dashboard.goto('/dashboard/domains');
    await expect(dashboard.getByText(`No custom domain yet: checkout links use ${new URL(server.url).host}.`)).toBeVisible();

    await addDomain(dashboard, domain.toUpperCase());
    const item = domainItem(dashboard, domain);
    await expect(item.getByTestId('txt-record-name')).toHaveText(`_caisse-challenge.${domain}`);
    const value = defined(await item.getByTestId('txt-record-value').textContent(), "item.getByTestId('txt-record-value').textContent()");
    expect(value).toMatch(/^caisse-domain-verification=[A-Za-z0-9]{32}$/);
    await expect(item.getByText('Not verified')).toBeVisible();
    await expect(item.getByText('Not checked yet.')).toBeVisible();
    expect((await fetch(`${server.url}/domains/check?domain=${domain}`)).status).toBe(404);

    // Before the record exists.
    await item.getByRole('button', { name: 'Verify' }).click();
    await expect(item.getByTestId('verify-result')).toHaveText(
      `No TXT record found at _caisse-challenge.${domain} yet. DNS changes can take a few minutes to appear: try again shortly.`,
    );
    await expect(item.getByText(/^Last checked .* UTC\.$/)).toBeVisible();
    await expect(item.getByText('Not verified')).toBeVisible();

    // A record with another value is not enough.
    dns.setTxt(`_caisse-challenge.${domain}`, ['caisse-domain-verification=someone-else']);
    await item.getByRole('button', { name: 'Verify' }).click();
    await expect(item.getByTestId('verify-result')).toContainText('none holds the expected value');

    dns.setTxt(`_caisse-challenge.${domain}`, ['v=spf1 -all', value]);
    await item.getByRole('button', { name: 'Verify' }).click();
    await expect(item.getByTestId('verify-result')).toHaveText(`${domain} is verified. New checkout links use it.`);
    await expect(item.getByText('Verified', { exact: true })).toBeVisible();
    await expect(item.getByText('New checkout links use this domain.')).toBeVisible();
    await expect(item.getByTestId('txt-record-name')).toHaveCount(0);

    expect((await fetch(`${server.url}/domains/check?domain=${domain}`)).status).toBe(200);
    expect((await fetch(`${server.url}/domains/check?domain=${randomDomain()}`)).status).toBe(404);
    expect((await fetch(`${server.url}/domains/check`)).status).toBe(404);

    // The session's url is on the domain (APP_URL's scheme, no port: the proxy in front listens on 80/443).
    const price = await oneTimePrice(merchant.stripe, 2500, 'eur', 'Linen apron');
    const session = await merchant.stripe.checkout.sessions.create({
      mode: 'payment',
      line_items: [{ price: price.id, quantity: 1 }],
      success_url: shop.successUrl,
    });
    expect(session.url).toBe(`http://${domain}/c/${session.id}`);
    expect((await merchant.stripe.checkout.sessions.retrieve(session.id)).url).toBe(session.url);
    expect((await merchant.stripe.checkout.sessions.list()).data[0].url).toBe(session.url);

    // A customer pays on the custom domain.
    const customer = await (await browser.newContext({ locale: 'en-US' })).newPage();
    const opened = await customer.goto(defined(session.url, 'session.url'));
    expect(defined(opened, 'opened').status()).toBe(200);
    await expect(customer.getByText('Linen apron')).toBeVisible();
    await fillPaymentDetails(customer);
    await customer.getByRole('button', { name: 'Pay €25.00' }).click();
    await expect(customer).toHaveURL(shop.successUrlFor(session.id));
    expect((await merchant.stripe.checkout.sessions.retrieve(session.id)).status).toBe('complete');

    // Everything else on that host is a plain 404: the dashboard, the API, the home page.
    for (const path of ['/dashboard/sign-in', '/dashboard', '/v1/checkout/sessions', '/', `/domains/check?domain=${domain}`]) {
      const res = await customer.goto(`http://${domain}${path}`);
      expect(defined(res, 'res').status(), path).toBe(404);
      await expect(customer.locator('body'), path).toHaveText('Not Found');
    }
    const apiPost = await customer.evaluate(
      async () => (await fetch('/v1/checkout/sessions', { method: 'POST', body: 'mode=payment' })).status,
    );
    expect(apiPost).toBe(404);

    // Another merchant's session is not served on this merchant's domain, though it is on the main host.
    const other = await newMerchantOn(server, 'Other Shop');
    const otherPrice = await oneTimePrice(other.stripe, 900, 'eur', 'Other thing');
    const otherSession = await other.stripe.checkout.sessions.create({
      mode: 'payment',
      line_items: [{ price: otherPrice.id, quantity: 1 }],
      success_url: shop.successUrl,
    });
    expect(otherSession.url).toBe(`${server.url}/c/${otherSession.id}`);
    expect(
      defined(await customer.goto(`http://${domain}/c/${otherSession.id}`), 'the response to the session page on the domain').status(),
    ).toBe(404);
    expect(defined(await customer.goto(defined(otherSession.url, 'otherSession.url')), 'the response to the session page').status()).toBe(
      200,
    );

    // Removing the domain sends new links back to the main host.
    await dashboard.reload();
    await domainItem(dashboard, domain)
      .getByRole('button', { name: `Remove ${domain}` })
      .click();
    await dashboard.getByRole('button', { name: 'Yes, remove it' }).click();
    await expect(domainItem(dashboard, domain)).toHaveCount(0);
    const after = await merchant.stripe.checkout.sessions.create({
      mode: 'payment',
      line_items: [{ price: price.id, quantity: 1 }],
      success_url: shop.successUrl,
    });
    expect(after.url).toBe(`${server.url}/c/${after.id}`);
    expect((await fetch(`${server.url}/domains/check?domain=${domain}`)).status).toBe(404);
  });
});

test('adding a URL, a bare name or a taken domain → a clear message on the field, nothing added', async ({ page, owner, browser }) => {
  await page.goto('/dashboard/domains');
  for (const [typed, message] of [
    ['https://pay.example.com', 'Enter the host name only, without http:// or https://.'],
    ['pay.example.com/checkout', 'Enter the host name only, without a path.'],
    ['pay.example.com:8443', 'Enter the host name without a port.'],
    ['localhost', 'Enter a full domain name, such as pay.example.com.'],
    ['10.0.0.1', 'Enter a domain name, not an IP address.'],
    ['pay_shop.example.com', 'This is not a valid domain name.'],
  ]) {
    await addDomain(page, typed);
    await expect(page.getByLabel('Host name'), typed).toHaveAccessibleDescription(message);
  }
  await expect(page.getByTestId('custom-domain')).toHaveCount(0);

  const domain = randomDomain();
  await addDomain(page, domain);
  await expect(domainItem(page, domain)).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Domain added.' })).toBeVisible();
  await addDomain(page, domain);
  await expect(page.getByLabel('Host name')).toHaveAccessibleDescription('This domain is already registered on Caisse.');

  // Another account cannot take it either.
  const rival = await newMerchant('Rival Shop', { withOwner: true });
  const rivalPage = await (await browser.newContext({ locale: 'en-US' })).newPage();
  await signIn(rivalPage, defined(rival.owner, 'rival.owner'));
  await rivalPage.goto('/dashboard/domains');
  await addDomain(rivalPage, domain);
  await expect(rivalPage.getByLabel('Host name')).toHaveAccessibleDescription('This domain is already registered on Caisse.');
  await expect(rivalPage.getByTestId('custom-domain')).toHaveCount(0);
  await rivalPage.context().close();
  expect(owner.id).not.toBe(rival.id);
});

test('setting allowed redirect domains → the API refuses a success_url elsewhere and accepts a listed one', async ({
  page,
  owner,
  shop,
}) => {
  await page.goto('/dashboard/domains');
  const field = page.getByLabel('Redirect domains');
  await field.fill('https://shop.example.com');
  await page.getByRole('button', { name: 'Save' }).first().click();
  await expect(field).toHaveAccessibleDescription(
    /“https:\/\/shop\.example\.com” is not a domain such as shop\.example\.com or \*\.example\.com\./,
  );

  const shopHost = new URL(shop.successUrl).hostname;
  await field.fill(`Shop.Example.com\n*.example.org\n${shopHost}`);
  await page.getByRole('button', { name: 'Save' }).first().click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Redirect domains')).toHaveValue(`shop.example.com\n*.example.org\n${shopHost}`);

  const price = await oneTimePrice(owner.stripe, 2500, 'eur');
  const line_items = [{ price: price.id, quantity: 1 }];
  const refused = await stripeError(
    owner.stripe.checkout.sessions.create({ mode: 'payment', line_items, success_url: 'https://evil.test/paid' }),
  );
  expect(refused).toMatchObject({ statusCode: 400, type: 'StripeInvalidRequestError', param: 'success_url' });
  const accepted = await owner.stripe.checkout.sessions.create({
    mode: 'payment',
    line_items,
    success_url: 'https://a.example.org/ok',
    cancel_url: shop.cancelUrl,
  });
  expect(accepted.status).toBe('open');

  // Emptying the list allows any host again.
  await page.getByLabel('Redirect domains').fill('');
  await page.getByRole('button', { name: 'Save' }).first().click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  expect((await owner.stripe.checkout.sessions.create({ mode: 'payment', line_items, success_url: 'https://evil.test/paid' })).status).toBe(
    'open',
  );
});

test('setting allowed embed origins → embedded checkout pages may be framed by those origins only', async ({ page, owner, baseURL }) => {
  await page.goto('/dashboard/domains');
  const field = page.getByLabel('Embed origins');
  await field.fill('http://shop.example.com');
  await page.getByRole('button', { name: 'Save' }).last().click();
  await expect(field).toHaveAccessibleDescription(/is not an origin such as https:\/\/shop\.example\.com/);

  await field.fill('https://shop.example.com/checkout\nhttps://www.example.org');
  await page.getByRole('button', { name: 'Save' }).last().click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Embed origins')).toHaveValue('https://shop.example.com\nhttps://www.example.org');

  const price = await oneTimePrice(owner.stripe, 2500, 'eur');
  const session = await owner.stripe.checkout.sessions.create({
    mode: 'payment',
    ui_mode: 'embedded_page',
    line_items: [{ price: price.id, quantity: 1 }],
    return_url: 'https://shop.example.com/return',
  });
  const res = await fetch(`${baseURL}/c/${session.id}`);
  expect(res.headers.get('content-security-policy')).toContain('frame-ancestors https://shop.example.com https://www.example.org');
});

test('opening the domains page with a pending domain → no serious or critical axe violations, and it fits a phone', async ({
  page,
  owner: _signedIn,
}) => {
  await page.goto('/dashboard/domains');
  await expect(page.getByRole('heading', { name: 'Custom domains', level: 1 })).toBeVisible();
  const domain = randomDomain();
  await addDomain(page, domain);
  await expect(domainItem(page, domain).getByTestId('txt-record-name')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.setViewportSize({ width: 375, height: 740 });
  await page.reload();
  await expect(domainItem(page, domain).getByTestId('txt-record-value')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add domain' })).toBeInViewport();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBe(0);
});
