import { useTranslations } from 'next-intl';
import type { PageView } from '@/lib/checkout/page-view';
import { formatAmount } from '@/lib/money/format';

/** Subtotal, discount, shipping, tax and total, as the server computed them. */
export function Totals({
  view,
  locale,
}: {
  view: Pick<PageView, 'currency' | 'mode' | 'totals' | 'selectedShippingRateId' | 'recurring' | 'automaticTax' | 'presentment'>;
  locale: string;
}) {
  const t = useTranslations('Summary');
  const tax = useTranslations('Tax');
  const fx = useTranslations('Currency');
  const money = (n: number) => formatAmount(n, view.currency, locale);
  const rows: [string, string, string][] = [['subtotal', t('subtotal'), money(view.totals.subtotal)]];
  if (view.totals.discount) rows.push(['discount', t('discount'), `−${money(view.totals.discount)}`]);
  if (view.selectedShippingRateId) rows.push(['shipping', t('shipping'), view.totals.shipping ? money(view.totals.shipping) : t('free')]);
  const automatic = view.automaticTax;
  if (!automatic) {
    if (view.totals.tax) rows.push(['tax', t('tax'), money(view.totals.tax)]);
  } else if (automatic.pending) rows.push(['tax', t('tax'), tax('pendingAddress')]);
  else
    for (const rate of automatic.taxes) {
      const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 4 }).format(Number(rate.percentage) / 100);
      rows.push([`tax-${rate.rateId}`, tax('line', { name: tax('name', { type: rate.taxType }), rate: percent }), money(rate.amount)]);
    }
  const reverseCharge = automatic?.taxes.some((r) => r.reason === 'reverse_charge');
  // What a subscription costs from the next period on, as lib/pricing computed it (discounts, tax).
  const then = view.recurring;
  return (
    <>
      <dl className="mt-4 space-y-2 border-t border-[var(--ck-border)] pt-4 text-sm" aria-live="polite">
        {rows.map(([key, label, value]) => (
          <div key={key} className="flex justify-between" data-testid={`total-${key}`}>
            <dt className="text-[var(--ck-muted)]">{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
        <div className="flex justify-between border-t border-[var(--ck-border)] pt-3 text-base font-semibold" data-testid="total-due">
          <dt>{view.mode === 'subscription' ? t('totalToday') : t('total')}</dt>
          <dd>{money(view.totals.total)}</dd>
        </div>
      </dl>
      {view.presentment ? (
        <div className="mt-1 space-y-1 text-end text-sm text-[var(--ck-muted)]" data-testid="presentment">
          <p>{fx('original', { amount: formatAmount(view.presentment.originalTotal, view.presentment.from, locale) })}</p>
          <p>
            {fx('rate', {
              from: view.presentment.from.toUpperCase(),
              rate: new Intl.NumberFormat(locale, { maximumSignificantDigits: 6 }).format(Number(view.presentment.rate)),
              to: view.currency.toUpperCase(),
            })}{' '}
            {fx('rateLocked')}
          </p>
        </div>
      ) : null}
      {reverseCharge ? (
        <p className="mt-1 text-sm text-[var(--ck-muted)]" data-testid="reverse-charge">
          {tax('reverseCharge')}
        </p>
      ) : null}
      {then ? (
        <p className="mt-1 text-end text-sm text-[var(--ck-muted)]" data-testid="then-recurring">
          {t('thenRecurring', { amount: money(then.amount), interval: then.interval })}
        </p>
      ) : null}
    </>
  );
}
