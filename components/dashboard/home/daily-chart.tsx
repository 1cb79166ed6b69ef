import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import type { DayPoint } from '@/lib/dashboard/home-stats';
import { formatAmount } from '@/lib/money/format';

const W = 600;
const H = 160;
const PAD = 4;

/**
 * Paid sessions per UTC day as bars in a hand-written SVG (no chart library):
 * the SVG is an image with a title and a description that says what it shows,
 * and the same numbers with revenue sit in a table under a disclosure.
 */
export async function DailyChart({ days }: { days: DayPoint[] }) {
  const [t, format, locale] = await Promise.all([getTranslations('Dashboard.home'), getFormatter(), getLocale()]);
  const max = Math.max(1, ...days.map((d) => d.count));
  const total = days.reduce((n, d) => n + d.count, 0);
  const dayLabel = (day: string) => format.dateTime(new Date(`${day}T00:00:00Z`), { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const first = days.at(0);
  const last = days.at(-1);
  // The home page always has its 30 days; with none there is nothing to draw.
  if (!first || !last) return null;
  const barW = W / days.length;
  return (
    <Card title={t('chart_title')} className="mb-6">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="chart-title chart-desc" className="h-40 w-full" preserveAspectRatio="none">
        <title id="chart-title">{t('chart_title')}</title>
        <desc id="chart-desc">
          {t('chart_desc', {
            total,
            first: dayLabel(first.day),
            last: dayLabel(last.day),
            max: Math.max(0, ...days.map((d) => d.count)),
          })}
        </desc>
        <line x1={0} y1={H - 0.5} x2={W} y2={H - 0.5} stroke="currentColor" strokeOpacity={0.3} />
        {days.map((d, i) => {
          const h = (d.count / max) * (H - PAD);
          return <rect key={d.day} x={i * barW + 1} y={H - h} width={Math.max(1, barW - 2)} height={h} fill="var(--ck-button, #2563eb)" />;
        })}
      </svg>
      <div className="mt-1 flex justify-between text-xs text-[var(--ck-muted)]" aria-hidden="true">
        <span>{dayLabel(first.day)}</span>
        <span>{dayLabel(last.day)}</span>
      </div>
      <details className="mt-3 text-sm">
        <summary className="cursor-pointer text-[var(--ck-link)]">{t('chart_table')}</summary>
        <div className="mt-2 max-h-72 overflow-auto">
          <table className="w-full text-left" data-testid="daily-table">
            <caption className="sr-only">{t('chart_caption')}</caption>
            <thead>
              <tr>
                <th scope="col" className="px-2 py-1">
                  {t('day')}
                </th>
                <th scope="col" className="px-2 py-1 text-right">
                  {t('count')}
                </th>
                <th scope="col" className="px-2 py-1 text-right">
                  {t('revenue')}
                </th>
              </tr>
            </thead>
            <tbody>
              {days.map((d) => (
                <tr key={d.day} className="border-t border-[var(--ck-border)]">
                  <th scope="row" className="px-2 py-1 font-normal">
                    {d.day}
                  </th>
                  <td className="px-2 py-1 text-right">{d.count}</td>
                  <td className="px-2 py-1 text-right">
                    {d.revenue.map((r) => formatAmount(r.amount, r.currency, locale)).join(', ') || '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </Card>
  );
}
