import 'server-only';
import { isAPIError } from 'better-auth/api';
import type { ChangePasswordInput } from '@/lib/validation/dashboard-auth';
import { getAuth } from './auth';
import type { AuthOutcome } from './outcome';

/** Changes the signed-in user's password and signs out their other sessions. */
export async function changePassword(input: ChangePasswordInput, headers: Headers): Promise<AuthOutcome> {
  try {
    await (
      await getAuth()
    ).api.changePassword({
      body: { currentPassword: input.currentPassword, newPassword: input.newPassword, revokeOtherSessions: true },
      headers,
    });
    return { ok: true };
  } catch (err) {
    if (isAPIError(err) && (err.status === 'BAD_REQUEST' || err.status === 'UNAUTHORIZED')) return { ok: false, error: 'wrong_password' };
    throw err;
  }
}
