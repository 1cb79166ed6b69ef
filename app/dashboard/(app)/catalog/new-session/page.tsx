// GET /dashboard/catalog/new-session — the "Create checkout session" form over the account's active prices
import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { CheckoutSessionForm } from '@/components/dashboard/catalog/checkout-session-form';
import { priceLabel } from '@/components/dashboard/catalog/price-label';
import { PageHeader } from '@/components/ui/page-header';
import { checkoutSessionOptions } from '@/lib/dashboard/catalog/reads';
import { requireMerchant } from '@/lib/dashboard/current-merchant';
import { formatAmount } from '@/lib/money/format';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Dashboard.catalog.session'))('title') };
}

export default async function NewSessionPage() {
  const { db, accountId } = await requireMerchant();
  const t = await getTranslations('Dashboard.catalog.session');
  const tp = await getTranslations('Dashboard.catalog.prices');
  const locale = await getLocale();
  const options = await checkoutSessionOptions(db, { accountId });
  const prices = options.prices.map((p) => ({
    id: p.id,
    label: `${p.productName} — ${priceLabel(p, locale, tp)}${p.nickname ? ` (${p.nickname})` : ''}`,
  }));
  const shippingRates = options.shippingRates.map((r) => ({
    id: r.id,
    label: `${r.display_name} — ${formatAmount(r.fixed_amount.amount, r.fixed_amount.currency, locale)}`,
  }));
  const taxRates = options.taxRates.map((r) => ({ id: r.id, label: `${r.display_name} — ${r.percentage}%` }));
  return (
    <>
      <PageHeader title={t('title')} description={t('description_text')} />
      <CheckoutSessionForm prices={prices} shippingRates={shippingRates} taxRates={taxRates} />
    </>
  );
}
