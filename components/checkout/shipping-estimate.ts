import type { PageShippingOption } from '@/lib/checkout/page-view';

type T = (key: string, values?: Record<string, string | number>) => string;

/** "3 business days – 5 business days", "1 week", or nothing. */
export function shippingEstimate(estimate: PageShippingOption['estimate'], t: T): string | null {
  if (!estimate || (!estimate.minimum && !estimate.maximum)) return null;
  const part = (b: { unit: string; value: number } | null) => (b ? t('Shipping.unit', { value: b.value, unit: b.unit }) : null);
  return [part(estimate.minimum), part(estimate.maximum)].filter(Boolean).join(' – ');
}
