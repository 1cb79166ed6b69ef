import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { DetailList } from '@/components/dashboard/sessions/detail/detail-list';
import { Card } from '@/components/ui/card';
import type { PaymentDetail } from '@/lib/dashboard/payment-detail';
import { formatAmount } from '@/lib/money/format';
import { methodText } from './method-text';
import { PaymentBadge } from './payment-badge';

const link = 'text-[var(--ck-link)] underline';

/** The payment at a glance: amounts, status, method, who paid, and where it came from (intent, session, customer, receipt). */
export async function PaymentSummaryCard({ detail }: { detail: PaymentDetail }) {
  const [t, format, locale] = await Promise.all([getTranslations('Dashboard.payments'), getFormatter(), getLocale()]);
  const { charge, intent, customer } = detail;
  const money = (minor: number) => formatAmount(minor, charge.currency, locale);
  const at = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
  return (
    <Card title={t('detail.summary')}>
      <DetailList
        testId="payment-summary"
        items={[
          [t('detail.amount'), money(charge.amount)],
          // A capture for less than was authorized: the rest went back to the customer without a refund.
          [t('detail.amount_captured'), charge.captured && charge.amountCaptured !== charge.amount ? money(charge.amountCaptured) : null],
          [t('detail.amount_refunded'), charge.amountRefunded > 0 && charge.label !== 'canceled' ? money(charge.amountRefunded) : null],
          [t('detail.status'), <PaymentBadge key="status" label={charge.label} />],
          [t('detail.capture_before'), charge.captureBefore ? t('detail.utc', { date: at(charge.captureBefore) }) : null],
          [t('detail.failure'), charge.failureMessage],
          [t('detail.method'), methodText((key, values) => t(`method.${key}`, values), charge.method)],
          [t('detail.name'), charge.billingName],
          [t('detail.email'), charge.email],
          [t('detail.description'), charge.description],
          [
            t('detail.payment_intent'),
            intent ? (
              <span key="intent">
                <code className="break-all">{intent.id}</code> (<code>{intent.status}</code>)
              </span>
            ) : null,
          ],
          [
            t('detail.session'),
            detail.sessionId ? (
              <Link key="session" href={`/dashboard/sessions/${detail.sessionId}`} className={link} data-testid="payment-session-link">
                <code className="break-all">{detail.sessionId}</code>
              </Link>
            ) : null,
          ],
          [
            t('detail.customer'),
            customer ? (
              <span key="customer">
                {customer.name ?? customer.email ?? <code>{customer.id}</code>}{' '}
                <Link href={`/dashboard/payments?customer=${customer.id}`} className={link}>
                  {t('detail.customer_payments')}
                </Link>
              </span>
            ) : null,
          ],
          [
            t('detail.receipt'),
            charge.receiptUrl ? (
              <a key="receipt" href={charge.receiptUrl} className={link} data-testid="receipt-link">
                {t('detail.open_receipt')}
              </a>
            ) : null,
          ],
        ]}
      />
    </Card>
  );
}
