import { useTranslations } from 'next-intl';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { SubscriptionSummary } from '@/lib/dashboard/subscription-summary';

const TONE: Record<SubscriptionSummary['status'], BadgeTone> = {
  active: 'good',
  trialing: 'good',
  past_due: 'warn',
  incomplete: 'warn',
  unpaid: 'bad',
  paused: 'neutral',
  incomplete_expired: 'neutral',
  canceled: 'neutral',
};

/** A subscription's status in words. */
export function SubscriptionBadge({ status }: { status: SubscriptionSummary['status'] }) {
  const t = useTranslations('Dashboard.subscriptions.status');
  return <Badge tone={TONE[status]}>{t(status)}</Badge>;
}
