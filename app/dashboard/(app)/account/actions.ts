'use server';

import { headers } from 'next/headers';
import { merchantAction } from '@/lib/actions/action';
import { ActionError } from '@/lib/actions/errors';
import { changePassword } from '@/lib/auth/change-password';
import { changePasswordSchema } from '@/lib/validation/dashboard-auth';

// POST (server action) — change the signed-in user's password
export const changePasswordAction = merchantAction(
  changePasswordSchema,
  async (values) => {
    const outcome = await changePassword(values, await headers());
    if (!outcome.ok) throw new ActionError(outcome.error);
  },
  { messages: 'Dashboard.auth.errors' },
);
