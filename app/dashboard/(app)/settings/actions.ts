'use server';

import { saveAccountSettings } from '@/lib/accounts/account-settings';
import { saveRetrySettings } from '@/lib/billing/retry-settings';
import { merchantAction } from '@/lib/actions/action';
import { accountSettingsSchema } from '@/lib/validation/account-settings';
import { billingRetrySettingsSchema } from '@/lib/validation/retry-settings';

// POST (server action) — save the signed-in account's receipts switch, default language and business details
export const saveSettingsAction = merchantAction(
  accountSettingsSchema,
  async (values, { db, accountId }) => {
    await saveAccountSettings(db, { accountId, values });
  },
  { messages: 'Dashboard.settings.errors' },
);

// POST (server action) — save how the signed-in account retries failed subscription payments: the days (the form's text already read
// as numbers, checked again here), and what follows the last retry
export const saveRetrySettingsAction = merchantAction(
  billingRetrySettingsSchema,
  async (settings, { db, accountId }) => {
    await saveRetrySettings(db, { accountId, settings });
  },
  { messages: 'Dashboard.settings.errors' },
);
