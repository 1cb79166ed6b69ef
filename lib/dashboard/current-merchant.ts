import 'server-only';
import { cache } from 'react';
import { cookies, headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { getDb, type Db } from '@/db/client';
import { membershipsOf, type Membership } from '@/db/queries/account-members';
import { getAuth } from '@/lib/auth/auth';

/** The accounts the user belongs to, as the dashboard's switcher shows them. */
export type { Membership };

/** Which of the user's accounts the dashboard shows, when they have several. */
export const ACCOUNT_COOKIE = 'caisse_account';

export type DashboardUser = { id: string; email: string; name: string };

/** The signed-in dashboard user of this request, or null. */
export const currentUser = cache(async (): Promise<DashboardUser | null> => {
  // The cookie store, not the request's Cookie header: after a server action replaced the session
  // (a password change signs the old one out), the page it re-renders must see the new cookie.
  const requestHeaders = new Headers(await headers());
  requestHeaders.set('cookie', (await cookies()).toString());
  const session = await (await getAuth()).api.getSession({ headers: requestHeaders });
  return session ? { id: session.user.id, email: session.user.email, name: session.user.name } : null;
});

export type MerchantContext = {
  db: Db;
  user: DashboardUser;
  /** The account every query of this request is scoped to. */
  accountId: string;
  account: Membership;
  memberships: Membership[];
};

/**
 * The signed-in user and the account they are acting for; signs them in first when
 * they are not. Every dashboard page and server action starts here and passes
 * `accountId` to lib/ and db/queries, which scope every read and write by it.
 */
export const requireMerchant = cache(async (): Promise<MerchantContext> => {
  const user = await currentUser();
  if (!user) redirect('/dashboard/sign-in');
  const db = await getDb();
  const memberships = await membershipsOf(db, user.id);
  if (memberships.length === 0) notFound();
  const chosen = (await cookies()).get(ACCOUNT_COOKIE)?.value;
  const account = memberships.find((m) => m.accountId === chosen) ?? memberships[0];
  return { db, user, accountId: account.accountId, account, memberships };
});
