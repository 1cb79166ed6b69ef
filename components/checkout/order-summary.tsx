import { useTranslations } from 'next-intl';
import type { CartAction } from '@/lib/checkout/page-state';
import type { PageLine, PageView } from '@/lib/checkout/page-view';
import { formatAmount } from '@/lib/money/format';
import { OptionalItem } from './optional-item';
import { PromotionCode } from './promotion-code';
import { QuantityControl } from './quantity-control';
import { Totals } from './totals';

type Actions = { quantity: CartAction; optional: CartAction; promotion: CartAction };

/**
 * Line items with their quantities, optional items, the promotion code and the totals.
 * A server component that is not async: next-intl's hooks serve it on the server, and
 * under NextIntlClientProvider in component tests.
 */
export function OrderSummary({ view, locale, actions }: { view: PageView; locale: string; actions: Actions }) {
  const t = useTranslations('Summary');
  const tc = useTranslations('Checkout');
  const tp = useTranslations('Promo');
  const tcart = useTranslations('Cart');
  const money = (n: number) => formatAmount(n, view.currency, locale);
  const recurring = ({ interval, intervalCount }: NonNullable<PageLine['recurring']>, amount: number) =>
    intervalCount === 1
      ? t('recurring', { amount: money(amount), interval })
      : t('recurringEvery', { amount: money(amount), count: intervalCount, interval });
  const d = view.discount;
  return (
    <section aria-labelledby="order-summary-title">
      <h2 id="order-summary-title" className="sr-only">
        {tc('orderSummary')}
      </h2>
      <p className="mt-6 text-sm text-[var(--ck-muted)]">{view.merchant.name}</p>
      <p className="text-3xl font-semibold" data-testid="headline-total">
        {money(view.totals.total)}
      </p>
      {view.trialDays ? <p className="text-sm text-[var(--ck-muted)]">{t('trial', { days: view.trialDays })}</p> : null}
      <ul className="mt-6 space-y-4">
        {view.lines.map((line) => (
          <li key={line.id} className="flex gap-3" data-testid="line-item">
            {/* eslint-disable-next-line @next/next/no-img-element -- product images live on any https host the merchant chose, which next/image would need listed in advance */}
            {line.image ? <img src={line.image} alt="" className="h-12 w-12 rounded-[var(--ck-radius-control)] object-cover" /> : null}
            <div className="min-w-0 flex-1">
              <div className="flex justify-between gap-3">
                <span className="font-medium">{line.name}</span>
                <span data-testid="line-total">{money(line.amountSubtotal)}</span>
              </div>
              {line.description ? <p className="text-sm text-[var(--ck-muted)]">{line.description}</p> : null}
              <p className="text-sm text-[var(--ck-muted)]">
                {line.recurring && line.unitAmount !== null
                  ? recurring(line.recurring, line.unitAmount)
                  : line.unitAmount !== null && line.quantity > 1
                    ? t('each', { amount: money(line.unitAmount) })
                    : null}
              </p>
              {line.adjustable ? (
                <QuantityControl
                  name={line.name}
                  lineId={line.id}
                  quantity={line.quantity}
                  minimum={line.adjustable.minimum}
                  maximum={line.adjustable.maximum}
                  action={actions.quantity}
                />
              ) : (
                <p className="text-sm text-[var(--ck-muted)]">{t('quantity', { quantity: line.quantity })}</p>
              )}
            </div>
          </li>
        ))}
      </ul>
      {view.optionalItems.length ? (
        <div className="mt-6 border-t border-[var(--ck-border)] pt-4">
          <h3 className="text-sm font-semibold">{tcart('optionalTitle')}</h3>
          {view.optionalItems.map((o) => (
            <OptionalItem key={o.id} lineId={o.id} name={o.name} price={money(o.unitAmount ?? 0)} action={actions.optional} />
          ))}
        </div>
      ) : null}
      {view.allowPromotionCodes || (d && !d.fixedByMerchant) ? (
        <PromotionCode
          applied={
            d?.code
              ? {
                  code: d.code,
                  label: d.percentOff ? tp('percentOff', { percent: d.percentOff }) : tp('amountOff', { amount: money(d.amountOff ?? 0) }),
                }
              : null
          }
          action={actions.promotion}
        />
      ) : null}
      <Totals view={view} locale={locale} />
    </section>
  );
}
