// GET /dashboard/settings — receipts, the checkout's fallback language, the business details on receipts, and how failed subscription payments are retried
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { saveRetrySettingsAction } from '@/app/dashboard/(app)/settings/actions';
import { RetrySettingsForm } from '@/components/dashboard/settings/retry-settings-form';
import { SettingsForm } from '@/components/dashboard/settings/settings-form';
import { PageHeader } from '@/components/ui/page-header';
import { loadSettingsForm, localeChoices } from '@/lib/accounts/account-settings';
import { loadRetrySettings } from '@/lib/billing/retry-settings';
import { countryOptions } from '@/lib/checkout/country-options';
import { requireMerchant } from '@/lib/dashboard/current-merchant';
import { COUNTRY_CODES } from '@/lib/validation/countries';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Dashboard.settings'))('title') };
}

export default async function SettingsPage() {
  const { db, accountId } = await requireMerchant();
  const [values, retry] = await Promise.all([loadSettingsForm(db, { accountId }), loadRetrySettings(db, accountId)]);
  if (!values || !retry) notFound();
  const t = await getTranslations('Dashboard.settings');
  const locale = await getLocale();
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <SettingsForm initial={values} countries={countryOptions([...COUNTRY_CODES], locale)} locales={localeChoices()} />
      <div className="mt-10">
        <RetrySettingsForm
          initial={{ retryDays: retry.retryDays.join(', '), afterRetries: retry.afterRetries }}
          action={saveRetrySettingsAction}
        />
      </div>
    </>
  );
}
