import { getTranslations } from 'next-intl/server';
import { PAYMENT_STATUSES, SESSION_STATUSES, type SessionListFilters } from '@/lib/validation/dashboard-sessions';

const control =
  'block w-full rounded-[var(--ck-radius-control)] border border-[var(--ck-border)] bg-[var(--ck-surface)] px-3 py-2 text-[var(--ck-text)]';

/**
 * The list's filters as a plain GET form: the filters live in the URL, work
 * without JavaScript, and submitting starts again from the first page.
 */
export async function SessionFilters({ filters }: { filters: SessionListFilters }) {
  const t = await getTranslations('Dashboard.sessions');
  return (
    <form
      method="get"
      action="/dashboard/sessions"
      role="search"
      aria-label={t('filters.label')}
      className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-6 lg:items-end"
    >
      <div className="sm:col-span-2">
        <label htmlFor="q" className="mb-1 block text-sm font-medium">
          {t('filters.search')}
        </label>
        <input id="q" name="q" type="search" defaultValue={filters.q ?? ''} className={control} />
      </div>
      <div>
        <label htmlFor="status" className="mb-1 block text-sm font-medium">
          {t('filters.status')}
        </label>
        <select id="status" name="status" defaultValue={filters.status ?? ''} className={control}>
          <option value="">{t('filters.any')}</option>
          {SESSION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="payment_status" className="mb-1 block text-sm font-medium">
          {t('filters.payment_status')}
        </label>
        <select id="payment_status" name="payment_status" defaultValue={filters.payment_status ?? ''} className={control}>
          <option value="">{t('filters.any')}</option>
          {PAYMENT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`payment_status.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="from" className="mb-1 block text-sm font-medium">
          {t('filters.from')}
        </label>
        <input id="from" name="from" type="date" defaultValue={filters.from ?? ''} className={control} />
      </div>
      <div>
        <label htmlFor="to" className="mb-1 block text-sm font-medium">
          {t('filters.to')}
        </label>
        <input id="to" name="to" type="date" defaultValue={filters.to ?? ''} className={control} />
      </div>
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2 lg:col-span-6">
        <button
          type="submit"
          className="inline-flex items-center justify-center rounded-[var(--ck-radius-button)] border border-transparent bg-[var(--ck-button)] px-4 py-2 text-sm font-semibold text-[var(--ck-button-text)]"
        >
          {t('filters.apply')}
        </button>
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a full load on purpose: the inputs above are uncontrolled (defaultValue), so only a fresh page empties them */}
        <a href="/dashboard/sessions" className="text-sm text-[var(--ck-link)] underline">
          {t('filters.clear')}
        </a>
      </div>
    </form>
  );
}
