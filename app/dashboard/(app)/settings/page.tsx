// GET /dashboard/settings — receipts, the checkout's fallback language and the business details on receipts
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { SettingsForm } from '@/components/dashboard/settings/settings-form';
import { PageHeader } from '@/components/ui/page-header';
import { loadSettingsForm, localeChoices } from '@/lib/accounts/account-settings';
import { countryOptions } from '@/lib/checkout/country-options';
import { requireMerchant } from '@/lib/dashboard/current-merchant';
import { COUNTRY_CODES } from '@/lib/validation/countries';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Dashboard.settings'))('title') };
}

export default async function SettingsPage() {
  const { db, accountId } = await requireMerchant();
  const values = await loadSettingsForm(db, { accountId });
  if (!values) notFound();
  const t = await getTranslations('Dashboard.settings');
  const locale = await getLocale();
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <SettingsForm initial={values} countries={countryOptions([...COUNTRY_CODES], locale)} locales={localeChoices()} />
    </>
  );
}
