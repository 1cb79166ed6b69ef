import type { BillingRetrySettings } from '@/db/schema';

/** Until the merchant chooses: three retries, 3, 5 and 7 days after the attempt before, then the subscription is canceled. */
export const DEFAULT_RETRY_SETTINGS: BillingRetrySettings = { retryDays: [3, 5, 7], afterRetries: 'cancel' };

export function retrySettingsOf(account: { billingRetrySettings: BillingRetrySettings | null }): BillingRetrySettings {
  return account.billingRetrySettings ?? DEFAULT_RETRY_SETTINGS;
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
