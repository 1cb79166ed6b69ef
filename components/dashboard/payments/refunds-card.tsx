import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { DataTable } from '@/components/ui/data-table';
import type { RefundView } from '@/lib/dashboard/payment-detail';
import { formatAmount } from '@/lib/money/format';

const TONE: Record<RefundView['status'], BadgeTone> = {
  succeeded: 'good',
  pending: 'warn',
  requires_action: 'warn',
  failed: 'bad',
  canceled: 'neutral',
};

/** A payment's refunds, newest first, with their status and reason. */
export async function RefundsCard({ refunds }: { refunds: RefundView[] }) {
  const [t, format, locale] = await Promise.all([getTranslations('Dashboard.payments.refunds'), getFormatter(), getLocale()]);
  return (
    <Card title={t('title')}>
      <DataTable
        caption={t('caption')}
        rows={refunds}
        rowKey={(r) => r.id}
        empty={t('empty')}
        columns={[
          {
            key: 'amount',
            header: t('amount'),
            className: 'whitespace-nowrap text-right',
            cell: (r) => formatAmount(r.amount, r.currency, locale),
          },
          {
            key: 'status',
            header: t('status'),
            cell: (r) => (
              <>
                <Badge tone={TONE[r.status]}>{t(`statuses.${r.status}`)}</Badge>
                {r.failureReason ? (
                  <span className="block text-xs text-[var(--ck-muted)]">{t('failure', { reason: r.failureReason })}</span>
                ) : null}
              </>
            ),
          },
          { key: 'reason', header: t('reason'), cell: (r) => (r.reason ? t(`reasons.${r.reason}`) : '—') },
          {
            key: 'created',
            header: t('created'),
            className: 'whitespace-nowrap',
            cell: (r) => format.dateTime(r.created, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }),
          },
          { key: 'id', header: t('id'), cell: (r) => <code className="break-all text-xs">{r.id}</code> },
        ]}
      />
    </Card>
  );
}
