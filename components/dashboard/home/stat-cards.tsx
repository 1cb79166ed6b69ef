import { getLocale, getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import type { HomeStats } from '@/lib/dashboard/home-stats';
import { formatAmount } from '@/lib/money/format';

function Revenue({ revenue, none, locale }: { revenue: HomeStats['today']['revenue']; none: string; locale: string }) {
  if (revenue.length === 0) return <p className="text-sm text-[var(--ck-muted)]">{none}</p>;
  return (
    <ul className="text-lg font-semibold">
      {revenue.map((r) => (
        <li key={r.currency}>{formatAmount(r.amount, r.currency, locale)}</li>
      ))}
    </ul>
  );
}

/** Today's and the last 30 days' paid sessions with revenue per currency (never summed across currencies), and the conversion. */
export async function StatCards({ stats }: { stats: HomeStats }) {
  const [t, locale] = await Promise.all([getTranslations('Dashboard.home'), getLocale()]);
  const { created, completed } = stats.conversion;
  const percent =
    created === 0 ? null : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(completed / created);
  return (
    <div className="mb-6 grid gap-4 md:grid-cols-3">
      {(['today', 'month'] as const).map((period) => (
        <Card key={period} title={t(period === 'today' ? 'today' : 'last_30_days')}>
          <div data-testid={`stats-${period}`}>
            <p className="mb-2 text-sm">{t('paid_sessions', { count: stats[period].count })}</p>
            <h3 className="sr-only">{t('revenue')}</h3>
            <Revenue revenue={stats[period].revenue} none={t('no_revenue')} locale={locale} />
          </div>
        </Card>
      ))}
      <Card title={t('conversion')}>
        <div data-testid="stats-conversion">
          {percent === null ? (
            <p className="text-sm text-[var(--ck-muted)]">{t('conversion_none')}</p>
          ) : (
            <>
              <p className="text-lg font-semibold">{percent}</p>
              <p className="text-sm text-[var(--ck-muted)]">{t('conversion_detail', { completed, created })}</p>
            </>
          )}
        </div>
      </Card>
    </div>
  );
}
