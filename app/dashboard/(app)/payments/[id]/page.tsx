// GET /dashboard/payments/[id] — one payment (by charge id): summary, refunds, dispute, and what the merchant may do; another account's id is a 404
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import {
  acceptDisputeAction,
  cancelPaymentAction,
  capturePaymentAction,
  refundPaymentAction,
  submitEvidenceAction,
  uploadEvidenceFileAction,
} from '@/app/dashboard/(app)/payments/actions';
import { AcceptDisputeForm } from '@/components/dashboard/payments/accept-dispute-form';
import { CancelPaymentForm } from '@/components/dashboard/payments/cancel-payment-form';
import { CaptureForm } from '@/components/dashboard/payments/capture-form';
import { DisputeCard } from '@/components/dashboard/payments/dispute-card';
import { DisputeEvidenceForm } from '@/components/dashboard/payments/dispute-evidence-form';
import { PaymentBadge } from '@/components/dashboard/payments/payment-badge';
import { PaymentSummaryCard } from '@/components/dashboard/payments/payment-summary-card';
import { RefundForm } from '@/components/dashboard/payments/refund-form';
import { RefundsCard } from '@/components/dashboard/payments/refunds-card';
import { Card } from '@/components/ui/card';
import { DetailHeader } from '@/components/dashboard/detail-header';
import { formatAmount } from '@/lib/money/format';
import { requireMerchant } from '@/lib/dashboard/current-merchant';
import { paymentDetail } from '@/lib/dashboard/payment-detail';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Dashboard.payments'))('detail.title') };
}

export default async function PaymentDetailPage({ params }: Props) {
  const { db, accountId } = await requireMerchant();
  const { id } = await params;
  const detail = await paymentDetail(db, { accountId, id });
  if (!detail) notFound();
  const [t, format, locale] = await Promise.all([getTranslations('Dashboard.payments'), getFormatter(), getLocale()]);
  const { charge, dispute } = detail;
  const at = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
  const money = (minor: number) => formatAmount(minor, charge.currency, locale);
  return (
    <>
      <DetailHeader
        back={{ href: '/dashboard/payments', text: t('detail.back') }}
        title={t('detail.title')}
        id={charge.id}
        idTestId="charge-id"
        created={t('detail.created', { date: at(charge.created) })}
        status={
          <span data-testid="payment-status">
            <PaymentBadge label={charge.label} />
          </span>
        }
      />
      <div className="mb-4 grid gap-4 lg:grid-cols-2 lg:items-start">
        <PaymentSummaryCard detail={detail} />
        <div className="space-y-4">
          {detail.capturable > 0 ? (
            <Card title={t('capture.title')}>
              <p className="mb-1 text-sm">{t('capture.intro', { amount: money(detail.capturable) })}</p>
              {charge.captureBefore ? <p className="mb-4 text-sm">{t('capture.deadline', { date: at(charge.captureBefore) })}</p> : null}
              <div className="space-y-6">
                <CaptureForm
                  currency={charge.currency}
                  capturable={detail.capturable}
                  method={charge.method}
                  action={capturePaymentAction.bind(null, charge.id)}
                />
                <CancelPaymentForm
                  currency={charge.currency}
                  amount={detail.capturable}
                  method={charge.method}
                  action={cancelPaymentAction.bind(null, charge.id)}
                />
              </div>
            </Card>
          ) : null}
          {detail.refundable > 0 ? (
            <RefundForm
              currency={charge.currency}
              refundable={detail.refundable}
              method={charge.method}
              action={refundPaymentAction.bind(null, charge.id)}
            />
          ) : charge.label === 'refunded' ? (
            <p className="text-sm text-[var(--ck-muted)]" data-testid="refund-note">
              {t('detail.fully_refunded')}
            </p>
          ) : dispute && charge.captured && charge.amountRefunded < charge.amountCaptured ? (
            <p className="text-sm text-[var(--ck-muted)]" data-testid="refund-note">
              {t('detail.charged_back')}
            </p>
          ) : null}
        </div>
      </div>
      {/* Full width: its table would scroll sideways in half the page. */}
      <div className="mb-4">
        <RefundsCard refunds={detail.refunds} />
      </div>
      {dispute ? (
        <DisputeCard dispute={dispute}>
          {dispute.answerable ? (
            <>
              <section aria-labelledby="evidence-title">
                <h3 id="evidence-title" className="mb-1 font-semibold">
                  {t('evidence.title')}
                </h3>
                <p className="mb-3 text-sm text-[var(--ck-muted)]">{t('evidence.intro')}</p>
                <DisputeEvidenceForm
                  initial={dispute.evidence}
                  action={submitEvidenceAction.bind(null, dispute.id)}
                  upload={uploadEvidenceFileAction}
                />
              </section>
              <section aria-labelledby="accept-title">
                <h3 id="accept-title" className="mb-1 font-semibold">
                  {t('accept.title')}
                </h3>
                <AcceptDisputeForm
                  amount={dispute.amount}
                  currency={dispute.currency}
                  action={acceptDisputeAction.bind(null, dispute.id)}
                />
              </section>
            </>
          ) : null}
        </DisputeCard>
      ) : null}
    </>
  );
}
