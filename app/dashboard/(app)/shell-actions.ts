'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { merchantAction } from '@/lib/actions/action';
import { ACCOUNT_COOKIE } from '@/lib/dashboard/current-merchant';

const switchAccount = merchantAction(z.object({ accountId: z.string().catch('') }), async ({ accountId }, { memberships }) => {
  // Only one of the user's own accounts; anything else leaves the choice as it was.
  if (memberships.some((m) => m.accountId === accountId)) {
    (await cookies()).set(ACCOUNT_COOKIE, accountId, { httpOnly: true, sameSite: 'lax', path: '/dashboard' });
  }
  redirect('/dashboard');
});

// POST (server action) — act for another of the user's accounts (a plain form post: it always ends in a redirect)
export async function switchAccountAction(form: FormData): Promise<void> {
  await switchAccount(form);
}
