import type { Page } from '@playwright/test';
import { expect, newLogin, signIn, signOut, signUp, test } from './support/mail';
import { otherClient } from './support/dashboard';
import { randomClientAddress } from './support/client-address';
import { defined } from './support/defined';

test.use({ locale: 'en-US' });
// Sign-ups wait for their email; password hashing is slow on purpose.
test.describe.configure({ timeout: 90_000 });

/** Submits the sign-in form once and waits for the server's answer. */
async function submitSignIn(page: Page) {
  const answered = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/dashboard/sign-in');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await answered;
}

const WRONG = 'The email or password is wrong.';
const LINK_REQUIRED =
  'Too many failed attempts for this email from your network. Sign in with a link sent to the address: use “Email me a sign-in link” below.';

test('an attacker failing passwords on an owner’s email → their client must use an emailed link; the owner still signs in from their own client, and by link from any', async ({
  page,
  browser,
  baseURL,
  inbox,
}) => {
  const login = await signUp(page, inbox, 'Guarded Shop');
  await signOut(page);

  const attacker = await otherClient(browser, defined(baseURL, 'baseURL'));
  await attacker.goto('/dashboard/sign-in');
  await attacker.getByLabel('Email').fill(login.email);
  await attacker.getByLabel('Password', { exact: true }).fill('not-the-password');
  // More failures than the old per-email limit (10): none of them may lock the owner out.
  for (let i = 0; i < 11; i++) {
    await submitSignIn(attacker);
    await expect(attacker.getByTestId('form-error')).toHaveText(i < 5 ? WRONG : LINK_REQUIRED);
  }
  // Past the limit the password no longer decides alone, even the right one, from that client.
  await attacker.getByLabel('Password', { exact: true }).fill(login.password);
  await submitSignIn(attacker);
  await expect(attacker.getByTestId('form-error')).toHaveText(LINK_REQUIRED);
  await expect(attacker).toHaveURL(/\/dashboard\/sign-in$/);

  // The owner, from their own client, signs in with the password.
  await signIn(page, login);
  await expect(page.getByTestId('account-name')).toHaveText('Guarded Shop');

  // And from the throttled client, the link emailed to the address signs in.
  await attacker.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await expect(attacker.getByRole('status')).toHaveText(
    `If an account uses ${login.email}, we sent it a sign-in link. It works once, within 15 minutes.`,
  );
  const link = await inbox.link(login.email, /^Your Caisse sign-in link$/);
  await attacker.goto(link);
  await attacker.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(attacker).toHaveURL(/\/dashboard$/);
  await expect(attacker.getByTestId('account-name')).toHaveText('Guarded Shop');

  // Once only.
  await attacker.context().clearCookies();
  await attacker.goto(link);
  await expect(attacker.getByTestId('link-invalid')).toBeVisible();
  await attacker.context().close();
});

test('asking for a sign-in link → the same answer whether or not the address has an account', async ({ page, inbox }) => {
  const unknown = newLogin().email;
  await page.goto('/dashboard/sign-in');
  await page.getByLabel('Email').fill(unknown);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await expect(page.getByRole('status')).toHaveText(
    `If an account uses ${unknown}, we sent it a sign-in link. It works once, within 15 minutes.`,
  );
  // Nothing is sent to an address without an account (checked after a message to a known one arrived).
  const login = await signUp(page, inbox, 'Known Shop');
  await signOut(page);
  await page.getByLabel('Email').fill(login.email);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await expect(page.getByRole('status')).toHaveText(
    `If an account uses ${login.email}, we sent it a sign-in link. It works once, within 15 minutes.`,
  );
  await inbox.message(login.email, /^Your Caisse sign-in link$/);
  expect(inbox.all(unknown)).toEqual([]);
});

test('a password sprayer rotating emails from one client, even in parallel → stopped by that client’s limit, even on a right password; the owner’s client is not', async ({
  page,
  browser,
  baseURL,
  owner,
}) => {
  // The client's limit counts in fixed 15-minute windows (lib/auth/sign-in-throttle.ts): the 35 guesses must all
  // fall in one of them, or the next window's count starts over mid-burst. Near a window's end, start in the next.
  const WINDOW_MS = 15 * 60_000;
  const left = WINDOW_MS - (Date.now() % WINDOW_MS);
  test.setTimeout(120_000 + 90_000);
  if (left < 120_000) await page.waitForTimeout(left + 1_000);
  await signOut(page);
  const address = randomClientAddress();
  const sprayer = await otherClient(browser, defined(baseURL, 'baseURL'), 'en-US', address);
  // One guess through the form, recorded so the next ones can be sent at once, as a script would.
  let recorded: { headers: Record<string, string>; body: string } | undefined;
  await sprayer.route('**/dashboard/sign-in', async (route) => {
    const req = route.request();
    if (req.method() === 'POST' && req.headers()['next-action']) recorded = { headers: req.headers(), body: req.postData() ?? '' };
    await route.continue();
  });
  await sprayer.goto('/dashboard/sign-in');
  const first = newLogin().email;
  await sprayer.getByLabel('Email').fill(first);
  await sprayer.getByLabel('Password', { exact: true }).fill('Summer2024!-guess');
  await submitSignIn(sprayer);
  await expect(sprayer.getByTestId('form-error')).toHaveText(WRONG);

  // 34 more guesses on as many emails, all at once: the client's limit (30) holds exactly.
  const answers = await Promise.all(
    Array.from({ length: 34 }, async () => {
      const guess = defined(recorded, 'the recorded sign-in request');
      const res = await sprayer.request.post('/dashboard/sign-in', {
        headers: {
          'next-action': guess.headers['next-action'],
          'content-type': guess.headers['content-type'],
          'x-forwarded-for': address,
        },
        data: guess.body.replace(first, newLogin().email),
        maxRedirects: 0,
      });
      return /"error":"(\w+)"/.exec(await res.text())?.[1];
    }),
  );
  expect(answers.filter((a) => a === 'invalid_credentials')).toHaveLength(29);
  expect(answers.filter((a) => a === 'rate_limited')).toHaveLength(5);

  await sprayer.getByLabel('Email').fill(owner.owner.email);
  await sprayer.getByLabel('Password', { exact: true }).fill(owner.owner.password);
  await submitSignIn(sprayer);
  await expect(sprayer.getByTestId('form-error')).toHaveText('Too many attempts. Wait a few minutes and try again.');
  await sprayer.context().close();

  await signIn(page, owner.owner);
});

test('a merchant changes their password → the old one no longer signs in', async ({ page, owner }) => {
  const login = owner.owner;
  await page.goto('/dashboard/account');
  await page.getByLabel('Current password').fill('wrong-current-password');
  await page.getByLabel('New password', { exact: true }).fill('brand-new-password-1');
  await page.getByLabel('Confirm new password').fill('brand-new-password-1');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByTestId('form-error')).toHaveText('Your current password is wrong.');

  await page.getByLabel('Current password').fill(login.password);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByRole('status')).toContainText('Your password was changed.');

  await signOut(page);
  await page.getByLabel('Email').fill(login.email);
  await page.getByLabel('Password', { exact: true }).fill(login.password);
  await submitSignIn(page);
  await expect(page.getByTestId('form-error')).toHaveText(WRONG);
  await signIn(page, { email: login.email, password: 'brand-new-password-1' });
});

test('dashboard pages → cannot be framed by another site and are never cached', async ({ request }) => {
  for (const path of ['/dashboard/sign-in', '/dashboard']) {
    const res = await request.get(path, { maxRedirects: 0 });
    expect(res.headers()['content-security-policy'], path).toContain("frame-ancestors 'self'");
    expect(res.headers()['x-frame-options'], path).toBe('SAMEORIGIN');
    expect(res.headers()['cache-control'], path).toContain('no-store');
  }
});

test('a sign-in posted from another site (cross-site request forgery) → refused, no session; the same post from the dashboard → signed in', async ({
  page,
  playwright,
  baseURL,
  owner,
}) => {
  const login = owner.owner;
  await signOut(page);
  // Record the sign-in form's own request, then replay it with and without a foreign Origin.
  let recorded: { headers: Record<string, string>; body: string } | undefined;
  await page.route('**/dashboard/sign-in', async (route) => {
    const req = route.request();
    if (req.method() === 'POST' && req.headers()['next-action']) recorded = { headers: req.headers(), body: req.postData() ?? '' };
    await route.continue();
  });
  await page.getByLabel('Email').fill(login.email);
  await page.getByLabel('Password', { exact: true }).fill(login.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  expect(recorded).toBeDefined();

  const replay = async (origin: string) => {
    const signInRequest = defined(recorded, 'the recorded sign-in request');
    const client = await playwright.request.newContext({ baseURL });
    const res = await client.post('/dashboard/sign-in', {
      headers: {
        'next-action': signInRequest.headers['next-action'],
        'content-type': signInRequest.headers['content-type'],
        origin,
        'x-forwarded-for': '10.9.9.9',
      },
      data: signInRequest.body,
      maxRedirects: 0,
    });
    const cookies = res.headersArray().filter((h) => h.name.toLowerCase() === 'set-cookie' && h.value.includes('session_token='));
    await client.dispose();
    return { status: res.status(), sessionCookies: cookies.length };
  };
  const forged = await replay('https://evil.example');
  expect(forged.sessionCookies).toBe(0);
  expect(forged.status).toBeGreaterThanOrEqual(400);
  const genuine = await replay(new URL(defined(baseURL, 'baseURL')).origin);
  expect(genuine.sessionCookies).toBe(1);
});
