import 'server-only';
import type { Queryable } from '@/db/client';
import {
  createdAndCompletedSince,
  dailyPaidTotalsSince,
  latestSessions,
  paidTotalsSince,
  type CurrencyTotal,
} from '@/db/queries/dashboard-stats';
import { sessionRowSummary, type SessionSummary } from './session-summary';
import { DAY_MS, startOfUtcDay, utcDays } from './utc-days';

export const HOME_DAYS = 30;

export type DayPoint = { day: string; count: number; revenue: { currency: string; amount: number }[] };

export type HomeStats = {
  today: { count: number; revenue: CurrencyTotal[] };
  month: { count: number; revenue: CurrencyTotal[] };
  conversion: { created: number; completed: number };
  days: DayPoint[];
  latest: SessionSummary[];
};

const sumCounts = (totals: CurrencyTotal[]) => totals.reduce((n, t) => n + t.count, 0);

/** What the dashboard home shows: today, the last 30 days (today included), and the newest sessions. */
export async function homeStats(db: Queryable, p: { accountId: string; now: Date }): Promise<HomeStats> {
  const today = startOfUtcDay(p.now);
  const since = new Date(today.getTime() - (HOME_DAYS - 1) * DAY_MS);
  const scope = { accountId: p.accountId };
  const [todayTotals, monthTotals, conversion, daily, latest] = await Promise.all([
    paidTotalsSince(db, { ...scope, since: today }),
    paidTotalsSince(db, { ...scope, since }),
    createdAndCompletedSince(db, { ...scope, since }),
    dailyPaidTotalsSince(db, { ...scope, since }),
    latestSessions(db, { ...scope, limit: 10 }),
  ]);
  const days = utcDays(since, HOME_DAYS).map((day) => {
    const rows = daily.filter((d) => d.day === day);
    return { day, count: rows.reduce((n, r) => n + r.count, 0), revenue: rows.map((r) => ({ currency: r.currency, amount: r.amount })) };
  });
  return {
    today: { count: sumCounts(todayTotals), revenue: todayTotals },
    month: { count: sumCounts(monthTotals), revenue: monthTotals },
    conversion,
    days,
    latest: latest.map(sessionRowSummary),
  };
}
