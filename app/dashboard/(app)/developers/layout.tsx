import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import { DevelopersTabs } from '@/components/dashboard/developers/developers-tabs';
import { PageHeader } from '@/components/ui/page-header';

export default async function DevelopersLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations('Dashboard.developers');
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <DevelopersTabs />
      {children}
    </>
  );
}
