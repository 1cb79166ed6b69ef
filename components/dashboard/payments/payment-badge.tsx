import { useTranslations } from 'next-intl';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { PaymentLabel } from '@/lib/dashboard/payment-status';

const TONE: Record<PaymentLabel, BadgeTone> = {
  succeeded: 'good',
  partially_refunded: 'neutral',
  refunded: 'neutral',
  uncaptured: 'warn',
  pending: 'warn',
  disputed: 'bad',
  failed: 'bad',
  canceled: 'neutral',
};

/** A payment's status in one word (lib/dashboard/payment-status.ts). */
export function PaymentBadge({ label }: { label: PaymentLabel }) {
  const t = useTranslations('Dashboard.payments.status');
  return <Badge tone={TONE[label]}>{t(label)}</Badge>;
}
