// GET /dashboard/account — the signed-in user: password
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ChangePasswordForm } from '@/components/dashboard/auth/change-password-form';
import { PageHeader } from '@/components/ui/page-header';
import { requireMerchant } from '@/lib/dashboard/current-merchant';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Dashboard.auth'))('account_title') };
}

export default async function AccountPage() {
  const { user } = await requireMerchant();
  const t = await getTranslations('Dashboard.auth');
  return (
    <>
      <PageHeader title={t('account_title')} description={user.email} />
      <ChangePasswordForm />
    </>
  );
}
