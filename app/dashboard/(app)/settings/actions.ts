'use server';

import { saveAccountSettings } from '@/lib/accounts/account-settings';
import { ok, parseInput, type ActionResult } from '@/lib/dashboard/action-result';
import { requireMerchant } from '@/lib/dashboard/current-merchant';
import { accountSettingsSchema, type AccountSettingsValues } from '@/lib/validation/account-settings';

// POST (server action) — save the signed-in account's receipts switch, default language and business details
export async function saveSettingsAction(input: AccountSettingsValues): Promise<ActionResult> {
  const { db, accountId } = await requireMerchant();
  const parsed = parseInput(accountSettingsSchema, input);
  if (!parsed.ok) return parsed.result;
  await saveAccountSettings(db, { accountId, values: parsed.data });
  return ok();
}
