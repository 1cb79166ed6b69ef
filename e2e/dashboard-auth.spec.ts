import { expect, signIn, signOut, signUp, test } from './support/dashboard';

test.use({ locale: 'en-US' });

test('a merchant signs up → lands on their own dashboard, signs out and back in', async ({ page, context }) => {
  const login = await signUp(page, 'Atelier Lumière');
  await expect(page.getByTestId('account-name')).toHaveText('Atelier Lumière');

  const cookie = (await context.cookies()).find((c) => c.name.includes('session_token'));
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });

  await signOut(page);
  await page.goto('/dashboard/account');
  await expect(page).toHaveURL(/\/dashboard\/sign-in$/);

  await signIn(page, login);
  await expect(page.getByTestId('account-name')).toHaveText('Atelier Lumière');
});

test('sign-up with a taken email or bad fields → clear messages, nothing created', async ({ page }) => {
  const login = await signUp(page, 'First Shop');
  await signOut(page);

  await page.goto('/dashboard/sign-up');
  await expect(page.getByRole('heading', { name: 'Create your Caisse account' })).toBeVisible();
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('Enter your business name.')).toBeVisible();
  await expect(page.getByText('Enter your email address.')).toBeVisible();
  await expect(page.getByText('Use at least 10 characters.')).toBeVisible();

  await page.getByLabel('Business name').fill('Second Shop');
  await page.getByLabel('Email').fill(login.email);
  await page.getByLabel('Password', { exact: true }).fill('another-long-password');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByTestId('form-error')).toHaveText('An account already uses this email. Sign in instead.');
  await expect(page).toHaveURL(/\/dashboard\/sign-up$/);
});

test('a wrong password → refused; repeated guesses → rate-limited even with the right one', async ({ page }) => {
  const login = await signUp(page, 'Guarded Shop');
  await signOut(page);
  await page.getByLabel('Email').fill(login.email);
  await page.getByLabel('Password', { exact: true }).fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('form-error')).toHaveText('The email or password is wrong.');

  // The email allows 10 attempts per window: the first one above and nine more.
  // Each attempt is one server action call: wait for its answer before the next.
  for (let i = 0; i < 9; i++) {
    const answered = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/dashboard/sign-in');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await answered;
    await expect(page.getByTestId('form-error')).toHaveText('The email or password is wrong.');
  }
  await page.getByLabel('Password', { exact: true }).fill(login.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('form-error')).toHaveText('Too many attempts. Wait a few minutes and try again.');
  await expect(page).toHaveURL(/\/dashboard\/sign-in$/);
});

test('a merchant changes their password → the old one no longer signs in', async ({ page }) => {
  const login = await signUp(page, 'Rotating Shop');
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
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('form-error')).toHaveText('The email or password is wrong.');
  await signIn(page, { email: login.email, password: 'brand-new-password-1' });
});

test('the dashboard speaks French to a French browser', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'fr-FR' });
  const page = await context.newPage();
  await page.goto('/dashboard/sign-in');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('heading', { name: 'Connexion à Caisse' })).toBeVisible();
  await context.close();
});

test('dashboard pages → cannot be framed by another site and are never cached', async ({ request }) => {
  for (const path of ['/dashboard/sign-in', '/dashboard']) {
    const res = await request.get(path, { maxRedirects: 0 });
    expect(res.headers()['content-security-policy'], path).toContain("frame-ancestors 'self'");
    expect(res.headers()['x-frame-options'], path).toBe('SAMEORIGIN');
    expect(res.headers()['cache-control'], path).toContain('no-store');
  }
});

test('a sign-in posted from another site (cross-site request forgery) → refused, no session; the same post from the dashboard → signed in', async ({ page, playwright, baseURL }) => {
  const login = await signUp(page, 'Forgery Target');
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
    const client = await playwright.request.newContext({ baseURL });
    const res = await client.post('/dashboard/sign-in', {
      headers: { 'next-action': recorded!.headers['next-action'], 'content-type': recorded!.headers['content-type'], origin, 'x-forwarded-for': '10.9.9.9' },
      data: recorded!.body,
      maxRedirects: 0,
    });
    const cookies = res.headersArray().filter((h) => h.name.toLowerCase() === 'set-cookie' && h.value.includes('session_token='));
    await client.dispose();
    return { status: res.status(), sessionCookies: cookies.length };
  };
  const forged = await replay('https://evil.example');
  expect(forged.sessionCookies).toBe(0);
  expect(forged.status).toBeGreaterThanOrEqual(400);
  const genuine = await replay(new URL(baseURL!).origin);
  expect(genuine.sessionCookies).toBe(1);
});
