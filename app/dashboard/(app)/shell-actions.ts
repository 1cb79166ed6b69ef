'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { ACCOUNT_COOKIE, requireMerchant } from '@/lib/dashboard/current-merchant';

// POST (server action) — act for another of the user's accounts
export async function switchAccountAction(form: FormData): Promise<void> {
  const { memberships } = await requireMerchant();
  const wanted = String(form.get('accountId') ?? '');
  if (memberships.some((m) => m.accountId === wanted)) {
    (await cookies()).set(ACCOUNT_COOKIE, wanted, { httpOnly: true, sameSite: 'lax', path: '/dashboard' });
  }
  redirect('/dashboard');
}
