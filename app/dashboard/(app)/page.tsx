// GET /dashboard — the account's home: paid sessions and revenue today and over 30 days, conversion, latest sessions
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { DailyChart } from '@/components/dashboard/home/daily-chart';
import { StatCards } from '@/components/dashboard/home/stat-cards';
import { SessionsTable } from '@/components/dashboard/sessions/sessions-table';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requireMerchant } from '@/lib/dashboard/current-merchant';
import { homeStats } from '@/lib/dashboard/home-stats';

export default async function DashboardHome() {
  const { db, accountId, account } = await requireMerchant();
  const t = await getTranslations('Dashboard.home');
  const stats = await homeStats(db, { accountId, now: new Date() });
  return (
    <>
      <PageHeader title={t('title')} description={account.displayName ?? account.name} />
      <p className="mb-4 text-sm text-[var(--ck-muted)]">{t('utc_note')}</p>
      <StatCards stats={stats} />
      <DailyChart days={stats.days} />
      <Card
        title={t('latest')}
        actions={
          <Link href="/dashboard/sessions" className="text-sm text-[var(--ck-link)] underline">
            {t('view_all')}
          </Link>
        }
      >
        <SessionsTable rows={stats.latest} />
      </Card>
    </>
  );
}
