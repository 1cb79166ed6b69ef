'use server';

import { headers } from 'next/headers';
import { changePassword } from '@/lib/auth/change-password';
import { fail, ok, parseInput, type ActionResult } from '@/lib/dashboard/action-result';
import { requireMerchant } from '@/lib/dashboard/current-merchant';
import { changePasswordSchema, type ChangePasswordInput } from '@/lib/validation/dashboard-auth';

// POST (server action) — change the signed-in user's password
export async function changePasswordAction(input: ChangePasswordInput): Promise<ActionResult> {
  await requireMerchant();
  const parsed = parseInput(changePasswordSchema, input);
  if (!parsed.ok) return parsed.result;
  const outcome = await changePassword(parsed.data, await headers());
  return outcome.ok ? ok() : fail(outcome.error);
}
