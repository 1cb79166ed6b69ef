// GET /dashboard/payments/[id] — one payment (by charge id): summary, refunds, dispute, and what the merchant may do; another account's id is a 404
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { DisputeCard } from '@/components/dashboard/payments/dispute-card';
import { PaymentBadge } from '@/components/dashboard/payments/payment-badge';
import { PaymentSummaryCard } from '@/components/dashboard/payments/payment-summary-card';
import { RefundsCard } from '@/components/dashboard/payments/refunds-card';
import { PageHeader } from '@/components/ui/page-header';
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
  const [t, format] = await Promise.all([getTranslations('Dashboard.payments'), getFormatter()]);
  const { charge, dispute } = detail;
  const at = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
  return (
    <>
      <Link href="/dashboard/payments" className="mb-3 inline-block text-sm text-[var(--ck-link)] underline">
        ← {t('detail.back')}
      </Link>
      <PageHeader
        title={t('detail.title')}
        description={
          <>
            <code className="block break-all" data-testid="charge-id">
              {charge.id}
            </code>
            {t('detail.created', { date: at(charge.created) })}
          </>
        }
        actions={
          <span data-testid="payment-status">
            <PaymentBadge label={charge.label} />
          </span>
        }
      />
      <div className="mb-4 grid gap-4 lg:grid-cols-2 lg:items-start">
        <PaymentSummaryCard detail={detail} />
        <div className="space-y-4">
          <RefundsCard refunds={detail.refunds} />
        </div>
      </div>
      {dispute ? <DisputeCard dispute={dispute} /> : null}
    </>
  );
}
