import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';

const TONE = { succeeded: 'good', pending: 'warn', failed: 'bad' } as const;

/** A delivery's status; a pending one that has already failed says it is retrying. */
export async function DeliveryStatus({ status, attempts }: { status: 'pending' | 'succeeded' | 'failed'; attempts: number }) {
  const t = await getTranslations('Dashboard.developers.deliveries.statuses');
  const key = status === 'pending' && attempts > 0 ? 'retrying' : status;
  return (
    <span data-testid="delivery-status">
      <Badge tone={TONE[status]}>{t(key)}</Badge>
    </span>
  );
}
