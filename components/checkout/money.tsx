import { formatAmount } from '@/lib/money/format';

/** Money in minor units, formatted for the page's locale. */
export function Money({ amount, currency, locale }: { amount: number; currency: string; locale: string }) {
  return <>{formatAmount(amount, currency, locale)}</>;
}
