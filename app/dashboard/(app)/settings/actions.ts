'use server';

import { saveAccountSettings } from '@/lib/accounts/account-settings';
import { merchantAction } from '@/lib/actions/action';
import { accountSettingsSchema } from '@/lib/validation/account-settings';

// POST (server action) — save the signed-in account's receipts switch, default language and business details
export const saveSettingsAction = merchantAction(
  accountSettingsSchema,
  async (values, { db, accountId }) => {
    await saveAccountSettings(db, { accountId, values });
  },
  { messages: 'Dashboard.settings.errors' },
);
