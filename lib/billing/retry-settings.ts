import type { Queryable } from '@/db/client';
import { accountRetrySettings, updateRetrySettings } from '@/db/queries/account-settings';
import type { BillingRetrySettings } from '@/db/schema';
import { billingRetrySettingsSchema } from '@/lib/validation/retry-settings';

/** Until the merchant chooses: three retries, 3, 5 and 7 days after the attempt before, then the subscription is canceled. */
export const DEFAULT_RETRY_SETTINGS: BillingRetrySettings = { retryDays: [3, 5, 7], afterRetries: 'cancel' };

export function retrySettingsOf(account: { billingRetrySettings: BillingRetrySettings | null }): BillingRetrySettings {
  return account.billingRetrySettings ?? DEFAULT_RETRY_SETTINGS;
}

/** The account's settings as they apply now (its own, or the default); null when there is no such account. */
export async function loadRetrySettings(db: Queryable, accountId: string): Promise<BillingRetrySettings | null> {
  const account = await accountRetrySettings(db, accountId);
  return account ? retrySettingsOf(account) : null;
}

/** Keeps the account's settings once checked against the rules (1 to 4 retries of 1 to 60 days, ascending): a caller that skipped them throws. */
export async function saveRetrySettings(db: Queryable, p: { accountId: string; settings: BillingRetrySettings }): Promise<void> {
  await updateRetrySettings(db, { accountId: p.accountId, settings: billingRetrySettingsSchema.parse(p.settings) });
}

const DAY_MS = 86_400_000;

/**
 * When the next automatic attempt is due after `attempts` attempts (the last one failing at `failedAt`):
 * retry k comes `retryDays[k - 1]` days after the attempt before it. Null when every retry has been made.
 */
export function nextRetryAt(settings: BillingRetrySettings, attempts: number, failedAt: Date): Date | null {
  const days = settings.retryDays.at(attempts - 1);
  return attempts >= 1 && days !== undefined ? new Date(failedAt.getTime() + days * DAY_MS) : null;
}
