import type { ReactNode } from 'react';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { DetailList } from '@/components/dashboard/sessions/detail/detail-list';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import type { DisputeView } from '@/lib/dashboard/payment-detail';
import { formatAmount } from '@/lib/money/format';

const TONE: Record<DisputeView['status'], BadgeTone> = {
  warning_needs_response: 'warn',
  needs_response: 'bad',
  warning_under_review: 'neutral',
  under_review: 'neutral',
  warning_closed: 'neutral',
  won: 'good',
  lost: 'bad',
};

/** A payment's dispute: where it stands, the evidence given so far, and (as children) the merchant's answer while one is due. */
export async function DisputeCard({ dispute, children }: { dispute: DisputeView; children?: ReactNode }) {
  const [t, format, locale] = await Promise.all([getTranslations('Dashboard.payments'), getFormatter(), getLocale()]);
  const at = (d: Date) => t('detail.utc', { date: format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) });
  const said = (group: string, key: string) => (t.has(`${group}.${key}`) ? t(`${group}.${key}`) : key);
  const evidence = Object.entries(dispute.evidence).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '');
  return (
    <Card title={t('dispute.title')}>
      <DetailList
        testId="dispute-details"
        items={[
          [
            t('dispute.status'),
            <Badge key="status" tone={TONE[dispute.status]}>
              {t(`dispute.statuses.${dispute.status}`)}
            </Badge>,
          ],
          [t('dispute.reason'), said('dispute.reasons', dispute.reason)],
          [t('dispute.amount'), formatAmount(dispute.amount, dispute.currency, locale)],
          [t('dispute.opened'), at(dispute.created)],
          [t('dispute.evidence_due_by'), dispute.answerable && dispute.evidenceDueBy ? at(dispute.evidenceDueBy) : null],
          [t('dispute.submissions'), dispute.submissionCount > 0 ? String(dispute.submissionCount) : null],
        ]}
      />
      {evidence.length > 0 ? (
        <div className="mt-4">
          <h3 className="mb-2 text-sm font-semibold">{t('dispute.evidence')}</h3>
          <DetailList
            testId="dispute-evidence"
            items={evidence.map(([key, value]): [string, ReactNode] => [
              said('evidence.fields', key),
              /^file_/.test(value) ? (
                <code key={key}>{value}</code>
              ) : (
                <span key={key} className="whitespace-pre-line">
                  {value}
                </span>
              ),
            ])}
          />
        </div>
      ) : null}
      {children ? <div className="mt-4 space-y-6 border-t border-[var(--ck-border)] pt-4">{children}</div> : null}
    </Card>
  );
}
