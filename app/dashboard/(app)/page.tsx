// GET /dashboard — the account's home
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/ui/page-header';
import { requireMerchant } from '@/lib/dashboard/current-merchant';

export default async function DashboardHome() {
  const { account } = await requireMerchant();
  const t = await getTranslations('Dashboard.home');
  return <PageHeader title={t('title')} description={account.displayName ?? account.name} />;
}
