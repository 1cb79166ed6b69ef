import { eq } from 'drizzle-orm';
import type { Queryable } from '../client';
import { accounts, type AccountBranding, type AccountBusinessDetails, type BillingRetrySettings } from '../schema';

/** What the branding and settings pages edit, read for the signed-in account only. */
export async function accountProfile(db: Queryable, p: { accountId: string }) {
  const row = await db
    .select({
      name: accounts.name,
      displayName: accounts.displayName,
      branding: accounts.branding,
      receiptsEnabled: accounts.receiptsEnabled,
      defaultLocale: accounts.defaultLocale,
      businessDetails: accounts.businessDetails,
    })
    .from(accounts)
    .where(eq(accounts.id, p.accountId))
    .limit(1);
  return row.at(0) ?? null;
}
export type AccountProfile = NonNullable<Awaited<ReturnType<typeof accountProfile>>>;

export async function updateAccountBranding(
  db: Queryable,
  p: { accountId: string; displayName: string | null; branding: AccountBranding },
): Promise<void> {
  await db.update(accounts).set({ displayName: p.displayName, branding: p.branding }).where(eq(accounts.id, p.accountId));
}

export async function updateAccountSettings(
  db: Queryable,
  p: { accountId: string; receiptsEnabled: boolean; defaultLocale: string | null; businessDetails: AccountBusinessDetails | null },
): Promise<void> {
  await db
    .update(accounts)
    .set({ receiptsEnabled: p.receiptsEnabled, defaultLocale: p.defaultLocale, businessDetails: p.businessDetails })
    .where(eq(accounts.id, p.accountId));
}

/** The language an account's 'auto' sessions fall back to (checkout page and receipts). */
export async function accountDefaultLocale(db: Queryable, accountId: string): Promise<string | null> {
  const rows = await db.select({ defaultLocale: accounts.defaultLocale }).from(accounts).where(eq(accounts.id, accountId)).limit(1);
  return rows.at(0)?.defaultLocale ?? null;
}

/** How the account retries failed subscription payments: null while it keeps the default. */
export async function accountRetrySettings(
  db: Queryable,
  accountId: string,
): Promise<{ billingRetrySettings: BillingRetrySettings | null } | null> {
  const rows = await db
    .select({ billingRetrySettings: accounts.billingRetrySettings })
    .from(accounts)
    .where(eq(accounts.id, accountId))
    .limit(1);
  return rows.at(0) ?? null;
}

export async function updateRetrySettings(db: Queryable, p: { accountId: string; settings: BillingRetrySettings }): Promise<void> {
  await db.update(accounts).set({ billingRetrySettings: p.settings }).where(eq(accounts.id, p.accountId));
}
