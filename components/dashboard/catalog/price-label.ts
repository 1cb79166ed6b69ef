import { formatAmount } from '@/lib/money/format';

type Priced = { unit_amount: number | null; currency: string; recurring: { interval: string; interval_count: number } | null };
type Translate = (key: string, values?: Record<string, string | number>) => string;

/** "€25.00", or "€15.00 every 3 months": t is Dashboard.catalog.prices. */
export function priceLabel(p: Priced, locale: string, t: Translate): string {
  const amount = p.unit_amount === null ? '—' : formatAmount(p.unit_amount, p.currency, locale);
  return p.recurring ? `${amount} ${t(`every_${p.recurring.interval}`, { count: p.recurring.interval_count })}` : amount;
}
