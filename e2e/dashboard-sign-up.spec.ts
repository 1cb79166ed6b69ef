import { expect, newLogin, signIn, signOut, signUp, startSignUp, test } from './support/mail';
import { otherClient } from './support/dashboard';
import { defined } from './support/defined';

test.use({ locale: 'en-US' });
// Sign-ups wait for their email; password hashing is slow on purpose.
test.describe.configure({ timeout: 90_000 });

test('a merchant signs up → the emailed link lets them choose a password and lands on their own dashboard; they sign out and back in', async ({
  page,
  context,
  inbox,
}) => {
  const login = await signUp(page, inbox, 'Atelier Lumière');
  await expect(page.getByTestId('account-name')).toHaveText('Atelier Lumière');

  const cookie = (await context.cookies()).find((c) => c.name.includes('session_token'));
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });

  await signOut(page);
  await page.goto('/dashboard/account');
  await expect(page).toHaveURL(/\/dashboard\/sign-in$/);

  await signIn(page, login);
  await expect(page.getByTestId('account-name')).toHaveText('Atelier Lumière');

  // The sign-up link worked once.
  await signOut(page);
  await page.goto(await inbox.link(login.email, /^Finish creating your Caisse account$/));
  await expect(page.getByTestId('link-invalid')).toHaveText('This link has expired or was already used. Ask for a new one.');
});

test('sign-up with a taken email → the same answer as a new one; the address is told it has an account, and its link signs in to that account', async ({
  page,
  inbox,
  baseURL,
}) => {
  const login = await signUp(page, inbox, 'First Shop');
  await signOut(page);

  await page.goto('/dashboard/sign-up');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByText('Enter your business name.')).toBeVisible();
  await expect(page.getByText('Enter your email address.')).toBeVisible();

  // Word for word the same page for a taken address and a new one (startSignUp checks the text).
  await startSignUp(page, 'Second Shop', login.email);
  const fresh = newLogin().email;
  await startSignUp(page, 'Third Shop', fresh);
  await expect(page.getByText('An account already uses this email', { exact: false })).toHaveCount(0);

  // The new address is asked to finish; the taken one is told it has an account, with a way in.
  await inbox.message(fresh, /^Finish creating your Caisse account$/);
  const told = await inbox.message(login.email, /^You already have a Caisse account$/);
  expect(told.text).toContain(`${baseURL}/dashboard/sign-in`);
  expect(inbox.all(login.email).filter((m) => /^Finish creating/.test(m.subject))).toHaveLength(1);

  await page.goto(await inbox.link(login.email, /^You already have a Caisse account$/));
  await expect(page.getByText(`Sign in to Caisse as ${login.email}.`)).toBeVisible();
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  // Still one account, the first: the second sign-up made none.
  await expect(page.getByTestId('account-name')).toHaveText('First Shop');
});

test('the dashboard speaks French to a French browser, in its sign-up and sign-in messages and emails too', async ({
  browser,
  baseURL,
  inbox,
}) => {
  const page = await otherClient(browser, defined(baseURL, 'baseURL'), 'fr-FR');
  await page.goto('/dashboard/sign-in');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('heading', { name: 'Connexion à Caisse' })).toBeVisible();
  const email = newLogin().email;
  await page.getByLabel('E-mail').fill(email);
  await page.getByRole('button', { name: 'M’envoyer un lien de connexion' }).click();
  await expect(page.getByRole('status')).toHaveText(
    `Si un compte utilise ${email}, nous lui avons envoyé un lien de connexion. Il ne sert qu’une fois, dans les 15 minutes.`,
  );

  await page.goto('/dashboard/sign-up');
  await page.getByLabel('Nom de l’entreprise').fill('Boulangerie');
  await page.getByLabel('E-mail').fill(email);
  await page.getByRole('button', { name: 'Continuer' }).click();
  await expect(page.getByTestId('check-email')).toHaveText(
    `Nous avons envoyé un message à ${email}. Ouvrez le lien qu’il contient pour continuer.`,
  );
  expect((await inbox.message(email, /^Terminez la création de votre compte Caisse$/)).text).toContain(
    'Pour terminer, ouvrez ce lien dans les 60 minutes',
  );
  await page.context().close();
});
