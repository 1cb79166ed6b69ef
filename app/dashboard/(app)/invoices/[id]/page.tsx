// GET /dashboard/invoices/[id] — one invoice: summary, lines and totals, payments, the customer's copy, and voiding it; another account's id is a 404
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { voidInvoiceAction } from '@/app/dashboard/(app)/invoices/actions';
import { DetailHeader } from '@/components/dashboard/detail-header';
import { InvoiceBadge } from '@/components/dashboard/invoices/invoice-badge';
import { InvoiceLinesCard } from '@/components/dashboard/invoices/invoice-lines-card';
import { InvoicePaymentsCard } from '@/components/dashboard/invoices/invoice-payments-card';
import { InvoiceSummaryCard } from '@/components/dashboard/invoices/invoice-summary-card';
import { VoidInvoiceForm } from '@/components/dashboard/invoices/void-invoice-form';
import { Card } from '@/components/ui/card';
import { requireMerchant } from '@/lib/dashboard/current-merchant';
import { invoiceDetail } from '@/lib/dashboard/invoice-detail';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Dashboard.invoices'))('title') };
}

export default async function InvoiceDetailPage({ params }: Props) {
  const { db, accountId } = await requireMerchant();
  const { id } = await params;
  const detail = await invoiceDetail(db, { accountId, id });
  if (!detail) notFound();
  const [t, format] = await Promise.all([getTranslations('Dashboard.invoices'), getFormatter()]);
  const { invoice: i } = detail;
  const at = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
  return (
    <>
      <DetailHeader
        back={{ href: '/dashboard/invoices', text: t('detail.back') }}
        title={i.number ? t('detail.title', { number: i.number }) : t('detail.title_draft')}
        id={i.id}
        idTestId="invoice-id"
        created={t('detail.created', { date: at(i.created) })}
        status={
          <span data-testid="invoice-status">
            <InvoiceBadge status={i.status} />
          </span>
        }
      />
      <div className="mb-4 grid gap-4 lg:grid-cols-2 lg:items-start">
        <InvoiceSummaryCard detail={detail} />
        {detail.voidable ? (
          <Card title={t('void.title')}>
            <VoidInvoiceForm
              number={i.number ?? i.id}
              amountRemaining={i.amountRemaining}
              currency={i.currency}
              action={voidInvoiceAction.bind(null, i.id)}
            />
          </Card>
        ) : null}
      </div>
      <InvoiceLinesCard detail={detail} />
      <InvoicePaymentsCard payments={detail.payments} />
    </>
  );
}
