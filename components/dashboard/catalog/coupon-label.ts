import { formatAmount } from '@/lib/money/format';

type CouponLike = {
  percent_off: number | null;
  amount_off: number | null;
  currency: string | null;
  duration: string;
  duration_in_months: number | null;
};
type Translate = (key: string, values?: Record<string, string | number>) => string;

/** "20% off once", "€5.00 off for 3 months": t is Dashboard.catalog.coupons. */
export function couponLabel(c: CouponLike, locale: string, t: Translate): string {
  const off =
    c.percent_off !== null
      ? t('percent_value', { value: new Intl.NumberFormat(locale, { maximumFractionDigits: 12 }).format(c.percent_off) })
      : t('amount_value', { value: formatAmount(c.amount_off ?? 0, c.currency ?? 'usd', locale) });
  return `${off} · ${t(`for_${c.duration}`, { count: c.duration_in_months ?? 0 })}`;
}
