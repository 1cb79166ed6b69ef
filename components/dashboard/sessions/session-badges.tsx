import { getTranslations } from 'next-intl/server';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { SessionSummary } from '@/lib/dashboard/session-summary';

const STATUS_TONE: Record<SessionSummary['status'], BadgeTone> = { open: 'neutral', complete: 'good', expired: 'warn' };
const PAYMENT_TONE: Record<SessionSummary['paymentStatus'], BadgeTone> = {
  paid: 'good',
  unpaid: 'neutral',
  no_payment_required: 'neutral',
};

export async function StatusBadge({ status }: { status: SessionSummary['status'] }) {
  const t = await getTranslations('Dashboard.sessions.status');
  return <Badge tone={STATUS_TONE[status]}>{t(status)}</Badge>;
}

export async function PaymentStatusBadge({ status }: { status: SessionSummary['paymentStatus'] }) {
  const t = await getTranslations('Dashboard.sessions.payment_status');
  return <Badge tone={PAYMENT_TONE[status]}>{t(status)}</Badge>;
}
