import type { ReactNode } from 'react';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { signOutAction } from '@/app/dashboard/(auth)/actions';
import { AccountSwitcher } from '@/components/dashboard/shell/account-switcher';
import { NavLinks } from '@/components/dashboard/shell/nav-links';
import { requireMerchant } from '@/lib/dashboard/current-merchant';

export default async function DashboardShell({ children }: { children: ReactNode }) {
  const { user, account, memberships } = await requireMerchant();
  const t = await getTranslations('Dashboard.shell');
  return (
    <div className="md:flex md:min-h-screen">
      <header className="border-b border-[var(--ck-border)] bg-[var(--ck-surface)] p-3 md:w-56 md:shrink-0 md:border-b-0 md:border-r">
        <div className="mb-3 flex items-center justify-between gap-2 md:block">
          <p className="truncate font-semibold" data-testid="account-name">
            {account.displayName ?? account.name}
          </p>
          <p className="hidden text-xs text-[var(--ck-muted)] md:block">{t('test_mode')}</p>
        </div>
        <nav aria-label={t('nav_label')}>
          <NavLinks />
        </nav>
        <div className="mt-4 space-y-2 border-t border-[var(--ck-border)] pt-3 text-sm">
          <AccountSwitcher memberships={memberships} current={account.accountId} />
          <Link href="/dashboard/account" className="block truncate text-[var(--ck-link)] underline">
            {user.email}
          </Link>
          <form action={signOutAction}>
            <button type="submit" className="text-[var(--ck-link)] underline">
              {t('sign_out')}
            </button>
          </form>
        </div>
      </header>
      <main className="min-w-0 flex-1 p-4 md:p-8">{children}</main>
    </div>
  );
}
