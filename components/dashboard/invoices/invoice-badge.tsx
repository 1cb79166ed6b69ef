import { useTranslations } from 'next-intl';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { InvoiceSummary } from '@/lib/dashboard/invoice-summary';

const TONE: Record<InvoiceSummary['status'], BadgeTone> = {
  draft: 'neutral',
  open: 'warn',
  paid: 'good',
  void: 'neutral',
  uncollectible: 'bad',
};

/** An invoice's status in words. */
export function InvoiceBadge({ status }: { status: InvoiceSummary['status'] }) {
  const t = useTranslations('Dashboard.invoices.status');
  return <Badge tone={TONE[status]}>{t(status)}</Badge>;
}
