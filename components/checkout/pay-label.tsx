import { useTranslations } from 'next-intl';
import { payLabelKey } from '@/lib/checkout/pay-label';
import type { PageView } from '@/lib/checkout/page-view';
import { formatAmount } from '@/lib/money/format';

/**
 * What the pay button says ("Pay €25.00", "Start trial"…). Rendered on the server and handed to
 * PayForm as an element, so the amount is formatted once, where the rest of the page is.
 */
export function PayLabel({
  view,
  locale,
}: {
  view: Pick<PageView, 'mode' | 'submitType' | 'trialDays' | 'currency' | 'totals'>;
  locale: string;
}) {
  const t = useTranslations('PayButton');
  return t(payLabelKey(view), { amount: formatAmount(view.totals.total, view.currency, locale) });
}
