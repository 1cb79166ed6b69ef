import type { getTranslations } from 'next-intl/server';

type PortalT = Awaited<ReturnType<typeof getTranslations<'Portal'>>>;

/** "€9.00 per month", "€90.00 every 3 months". */
export function planPrice(t: PortalT, p: { amount: string; interval: string; intervalCount: number }): string {
  return p.intervalCount === 1
    ? t('price', { amount: p.amount, interval: p.interval })
    : t('priceEvery', { amount: p.amount, count: p.intervalCount, interval: p.interval });
}
