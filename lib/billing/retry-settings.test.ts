import { describe, expect, it } from 'vitest';
import { useCheckoutDatabase } from '@/lib/checkout/testing/checkout-db';
import { newShop } from '@/lib/checkout/testing/checkout-world';
import { DEFAULT_RETRY_SETTINGS, loadRetrySettings, saveRetrySettings } from './retry-settings';

const db = useCheckoutDatabase('caisse_retry_settings');

describe('an account’s retry settings', () => {
  it('the default until the merchant saves theirs; then theirs, for that account only', async () => {
    const [shop, other] = [await newShop(db()), await newShop(db(), { merchant: 'Other' })];
    expect(await loadRetrySettings(db(), shop.accountId)).toEqual({ retryDays: [3, 5, 7], afterRetries: 'cancel' });
    await saveRetrySettings(db(), { accountId: shop.accountId, settings: { retryDays: [2, 10], afterRetries: 'unpaid' } });
    expect(await loadRetrySettings(db(), shop.accountId)).toEqual({ retryDays: [2, 10], afterRetries: 'unpaid' });
    expect(await loadRetrySettings(db(), other.accountId)).toEqual(DEFAULT_RETRY_SETTINGS);
    expect(await loadRetrySettings(db(), 'acct_missing')).toBeNull();
  });

  it('settings that break the rules are never kept', async () => {
    const shop = await newShop(db());
    await expect(
      saveRetrySettings(db(), { accountId: shop.accountId, settings: { retryDays: [7, 3], afterRetries: 'cancel' } }),
    ).rejects.toThrow();
    await expect(
      saveRetrySettings(db(), { accountId: shop.accountId, settings: { retryDays: [], afterRetries: 'cancel' } }),
    ).rejects.toThrow();
    expect(await loadRetrySettings(db(), shop.accountId)).toEqual(DEFAULT_RETRY_SETTINGS);
  });
});
