import { randomBytes } from 'node:crypto';
import type { Page } from '@playwright/test';
import { startSmtpSink, type ReceivedMail, type SmtpSink } from '../api/smtp-sink';
import { expect, signIn, test as dashboardTest } from './dashboard';
import { newMerchantOn, type DashboardLogin, type Merchant } from './merchant';
import { startTestServer, type TestServer } from './test-server';
import { defined } from './defined';

/** What one address received on the mail server, newest last. */
export type Inbox = {
  /** Waits for a message to `to` whose subject matches, and returns the newest such. */
  message: (to: string, subject: RegExp) => Promise<ReceivedMail>;
  /** The one-time link (sign-up or sign-in) in that message. */
  link: (to: string, subject: RegExp) => Promise<string>;
  /** Every message sent to `to` so far. */
  all: (to: string) => ReceivedMail[];
};

const LINK = /https?:\/\/[^\s"<>]+\/dashboard\/(?:sign-up\/finish|sign-in\/link)\?token=[A-Za-z0-9_-]+/;

function inboxOf(sink: SmtpSink): Inbox {
  const all = (to: string) => sink.received.filter((m) => m.to.includes(to));
  const message = async (to: string, subject: RegExp) => {
    await expect
      .poll(() => all(to).filter((m) => subject.test(m.subject)).length, { message: `an email to ${to} about ${subject}`, timeout: 20_000 })
      .toBeGreaterThan(0);
    return defined(
      all(to)
        .filter((m) => subject.test(m.subject))
        .at(-1),
      `an email to ${to} about ${String(subject)}`,
    );
  };
  return {
    all,
    message,
    link: async (to, subject) => {
      const found = LINK.exec((await message(to, subject)).text)?.[0];
      if (!found) throw new Error(`No one-time link in the email to ${to}`);
      return found;
    },
  };
}

type MailFixtures = {
  inbox: Inbox;
  /** A merchant of this test's own with a dashboard owner, already signed in on `page` (on this worker's server). */
  owner: Merchant & { owner: DashboardLogin };
};

/**
 * The dashboard fixtures on a server of this worker's own whose email goes to a mail server the
 * tests can read (sign-up and sign-in links). Pages and merchants are on that server.
 */
export const test = dashboardTest.extend<MailFixtures, { mailServer: { server: TestServer; sink: SmtpSink } }>({
  mailServer: [
    async ({}, use) => {
      const sink = await startSmtpSink();
      const server = await startTestServer({ SMTP_URL: sink.url });
      await use({ server, sink });
      await server.stop();
      await sink.close();
    },
    { scope: 'worker', timeout: 120_000 },
  ],
  baseURL: async ({ mailServer }, use) => {
    await use(mailServer.server.url);
  },
  inbox: async ({ mailServer }, use) => {
    await use(inboxOf(mailServer.sink));
  },
  merchant: async ({ mailServer }, use) => {
    await use(await newMerchantOn(mailServer.server));
  },
  owner: async ({ page, mailServer }, use) => {
    const merchant = (await newMerchantOn(mailServer.server, 'Owner Shop', { withOwner: true })) as Merchant & { owner: DashboardLogin };
    await signIn(page, merchant.owner);
    await use(merchant);
  },
});

export const newLogin = (): DashboardLogin => ({
  email: `signup-${randomBytes(6).toString('hex')}@shop.test`,
  password: `pw-${randomBytes(9).toString('base64url')}`,
});

/** Asks for an account on the sign-up form and waits for "check your email". */
export async function startSignUp(page: Page, businessName: string, email: string): Promise<void> {
  await page.goto('/dashboard/sign-up');
  await expect(page.getByRole('heading', { name: 'Create your Caisse account' })).toBeVisible();
  await page.getByLabel('Business name').fill(businessName);
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByTestId('check-email')).toHaveText(`We sent a message to ${email}. Open the link in it to continue.`);
}

/** A new merchant through the sign-up form and its emailed link; returns the login it chose, signed in. */
export async function signUp(page: Page, inbox: Inbox, businessName = 'New Shop'): Promise<DashboardLogin> {
  const login = newLogin();
  await startSignUp(page, businessName, login.email);
  await page.goto(await inbox.link(login.email, /^Finish creating your Caisse account$/));
  await expect(page.getByRole('heading', { name: 'Choose your password' })).toBeVisible();
  await page.getByLabel('Password', { exact: true }).fill(login.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  // The password is hashed (scrypt) before the account is made: slow on purpose.
  await expect(page).toHaveURL(/\/dashboard$/, { timeout: 30_000 });
  return login;
}

export { expect, signIn };
export { signOut } from './dashboard';
