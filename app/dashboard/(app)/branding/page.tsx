// GET /dashboard/branding — the account's checkout branding, with a live preview of the checkout page
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { BrandingEditor } from '@/components/dashboard/branding/branding-editor';
import { PageHeader } from '@/components/ui/page-header';
import { loadBrandingForm } from '@/lib/branding/account-branding';
import { requireMerchant } from '@/lib/dashboard/current-merchant';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Dashboard.branding'))('title') };
}

export default async function BrandingPage() {
  const { db, accountId } = await requireMerchant();
  const form = await loadBrandingForm(db, { accountId });
  if (!form) notFound();
  const t = await getTranslations('Dashboard.branding');
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <BrandingEditor initial={form.values} accountName={form.accountName} />
    </>
  );
}
