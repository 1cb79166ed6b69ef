import Link from 'next/link';
import { useFormatter, useLocale, useTranslations } from 'next-intl';
import { DetailList } from '@/components/dashboard/sessions/detail/detail-list';
import { Card } from '@/components/ui/card';
import type { InvoiceDetail } from '@/lib/dashboard/invoice-detail';
import { formatAmount } from '@/lib/money/format';
import { InvoiceBadge } from './invoice-badge';

const link = 'text-[var(--ck-link)] underline';

/** The invoice at a glance: for whom and why, what is owed and paid, its dates and attempts, and the customer's copy. */
export function InvoiceSummaryCard({ detail }: { detail: InvoiceDetail }) {
  const t = useTranslations('Dashboard.invoices.detail');
  const format = useFormatter();
  const locale = useLocale();
  const { invoice: i, customer } = detail;
  const day = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
  const utc = (d: Date | null) => (d ? t('utc', { date: day(d) }) : null);
  const money = (minor: number) => formatAmount(minor, i.currency, locale);
  return (
    <Card title={t('summary')}>
      <DetailList
        testId="invoice-summary"
        items={[
          [
            t('customer'),
            <Link key="customer" href={`/dashboard/customers/${customer.id}`} className={link}>
              {customer.email ?? customer.name ?? customer.id}
            </Link>,
          ],
          [
            t('subscription'),
            i.subscriptionId ? (
              <Link
                key="subscription"
                href={`/dashboard/subscriptions/${i.subscriptionId}`}
                className={link}
                data-testid="invoice-subscription"
              >
                <code className="break-all">{i.subscriptionId}</code>
              </Link>
            ) : null,
          ],
          [
            t('session'),
            i.checkoutSessionId ? (
              <Link key="session" href={`/dashboard/sessions/${i.checkoutSessionId}`} className={link}>
                <code className="break-all">{i.checkoutSessionId}</code>
              </Link>
            ) : null,
          ],
          [t('billing_reason'), t(`reasons.${i.billingReason}`)],
          [t('status'), <InvoiceBadge key="status" status={i.status} />],
          [
            t('period'),
            i.periodStart.getTime() === i.periodEnd.getTime() ? null : t('range', { start: day(i.periodStart), end: day(i.periodEnd) }),
          ],
          [t('amount_due'), money(i.amountDue)],
          [t('amount_paid'), money(i.amountPaid)],
          [t('amount_remaining'), i.status === 'open' || i.status === 'uncollectible' ? money(i.amountRemaining) : null],
          [t('finalized_at'), utc(i.finalizedAt)],
          [t('paid_at'), utc(i.paidAt)],
          [t('voided_at'), utc(i.voidedAt)],
          [t('attempts'), i.attemptCount > 0 ? String(i.attemptCount) : null],
          [t('next_attempt'), utc(i.nextPaymentAttempt)],
          [t('description'), i.description],
          [
            t('customer_copy'),
            detail.hostedUrl && detail.pdfUrl ? (
              <span key="copy" className="flex flex-wrap gap-x-4 gap-y-1">
                <a href={detail.hostedUrl} className={link} data-testid="invoice-hosted-link">
                  {t('hosted')}
                </a>
                <a href={detail.pdfUrl} className={link} data-testid="invoice-pdf-link">
                  {t('pdf')}
                </a>
              </span>
            ) : null,
          ],
        ]}
      />
    </Card>
  );
}
