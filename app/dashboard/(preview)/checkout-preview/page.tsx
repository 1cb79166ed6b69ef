// GET /dashboard/checkout-preview?name=&bg=&button=&border=&font=&logo= — the signed-in account's checkout page
// with a sample cart and unsaved branding edits, framed by the branding editor; it cannot take a payment
import type { Metadata } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getMessages, getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { MerchantHeader } from '@/components/checkout/merchant-header';
import { OrderSummary } from '@/components/checkout/order-summary';
import { PayForm } from '@/components/checkout/pay-form';
import { previewBranding, type PreviewParams } from '@/lib/branding/account-branding';
import { themeToCssVars } from '@/lib/branding/css-vars';
import { PREVIEW_CONFIRM_CONFIG, previewPageView } from '@/lib/branding/preview-view';
import { resolveTheme } from '@/lib/branding/theme';
import { countryOptions } from '@/lib/checkout/country-options';
import { requireMerchant } from '@/lib/dashboard/current-merchant';
import { formatAmount } from '@/lib/money/format';
import { COUNTRY_CODES } from '@/lib/validation/countries';
import { previewCartAction, previewPayAction } from './actions';

export const metadata: Metadata = { title: 'Preview' };

const ALL_COUNTRIES = [...COUNTRY_CODES].sort();
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function CheckoutPreviewPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { db, accountId } = await requireMerchant();
  const q = await searchParams;
  const params: PreviewParams = {
    name: one(q.name),
    bg: one(q.bg),
    button: one(q.button),
    border: one(q.border),
    font: one(q.font),
    logo: one(q.logo),
  };
  const preview = await previewBranding(db, { accountId, params });
  if (!preview) notFound();
  const locale = await getLocale();
  const t = await getTranslations();
  const tb = await getTranslations('Dashboard.branding');
  // The same two calls the checkout page makes: the preview shows what customers will see, contrast fixes included.
  const theme = resolveTheme(preview.branding);
  const view = previewPageView({
    name: preview.name,
    logoUrl: preview.logoUrl,
    items: [tb('preview_item_1'), tb('preview_item_2')],
    currency: 'eur',
  });
  const money = (n: number) => formatAmount(n, view.currency, locale);
  const messages = await getMessages();
  return (
    <div
      style={themeToCssVars(theme) as React.CSSProperties}
      className="min-h-screen bg-[var(--ck-bg)] font-[family-name:var(--ck-font)] text-[var(--ck-text)]"
      data-testid="checkout-preview"
    >
      <NextIntlClientProvider locale={locale} messages={messages}>
        {/* inert: a preview to look at, not to fill in (its actions refuse anyway). */}
        <main inert className="mx-auto grid max-w-5xl gap-10 p-4 md:grid-cols-2 md:p-10">
          <div>
            <MerchantHeader name={view.merchant.name} logoUrl={view.merchant.logoUrl} cancelUrl={null} livemode={false} />
            <OrderSummary
              view={view}
              locale={locale}
              actions={{ quantity: previewCartAction, optional: previewCartAction, promotion: previewCartAction }}
            />
          </div>
          <div className="space-y-6">
            <h1 className="sr-only">{t('Checkout.payment')}</h1>
            <PayForm
              config={PREVIEW_CONFIRM_CONFIG}
              lockedEmail={null}
              customFields={[]}
              texts={{ submit: null, terms: null, shipping: null, afterSubmit: null }}
              countries={{ billing: countryOptions(ALL_COUNTRIES, locale), shipping: [] }}
              payLabel={t('PayButton.pay', { amount: money(view.totals.total) })}
              merchantName={view.merchant.name}
              notice={null}
              challenge={null}
              action={previewPayAction}
            />
          </div>
        </main>
      </NextIntlClientProvider>
    </div>
  );
}
