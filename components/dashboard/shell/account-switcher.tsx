import { getTranslations } from 'next-intl/server';
import { switchAccountAction } from '@/app/dashboard/(app)/shell-actions';
import type { Membership } from '@/lib/dashboard/current-merchant';

/** Shown only to users of several accounts; works without JavaScript. */
export async function AccountSwitcher({ memberships, current }: { memberships: Membership[]; current: string }) {
  if (memberships.length < 2) return null;
  const t = await getTranslations('Dashboard.shell');
  return (
    <form action={switchAccountAction} className="flex items-center gap-2">
      <label htmlFor="account-switch" className="sr-only">
        {t('switch_account')}
      </label>
      <select
        id="account-switch"
        name="accountId"
        defaultValue={current}
        className="rounded border border-[var(--ck-border)] px-2 py-1 text-sm"
      >
        {memberships.map((m) => (
          <option key={m.accountId} value={m.accountId}>
            {m.displayName ?? m.name}
          </option>
        ))}
      </select>
      <button type="submit" className="text-sm text-[var(--ck-link)] underline">
        {t('switch')}
      </button>
    </form>
  );
}
