// GET /i/:invoiceId/:signature — the hosted invoice page (an invoice's hosted_invoice_url)
import type { Metadata } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getMessages, getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { InvoiceDocumentView } from '@/components/invoices/invoice-document';
import { InvoicePayForm } from '@/components/invoices/invoice-pay-form';
import { themeToCssVars } from '@/lib/branding/css-vars';
import { clientMessages, INVOICE_PAY_CLIENT_NAMESPACES } from '@/lib/checkout/client-messages';
import { DECLINE_MESSAGE_KEYS } from '@/lib/payments/decline-messages';
import { payInvoiceAction } from './actions';
import { loadInvoice } from './load';

type Props = { params: Promise<{ invoiceId: string; signature: string }>; searchParams: Promise<{ declined?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { invoiceId, signature } = await params;
  const { page } = await loadInvoice(invoiceId, signature);
  return { title: page ? `${page.document.heading} — ${page.document.number}` : 'Caisse' };
}

const LINK = 'font-medium text-[var(--ck-link)] underline underline-offset-2';

export default async function InvoicePage({ params, searchParams }: Props) {
  const { invoiceId, signature } = await params;
  const { page, locale } = await loadInvoice(invoiceId, signature);
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- no [locale] segment to read root params from: the locale comes from the customer, the checkout and Accept-Language
  setRequestLocale(locale);
  // A wrong signature and an unknown invoice look the same.
  if (!page) notFound();
  const t = await getTranslations();
  const declined = (await searchParams).declined;
  const notice = declined && (DECLINE_MESSAGE_KEYS as readonly string[]).includes(declined) ? t(`Errors.${declined}` as never) : null;
  const client = clientMessages(await getMessages(), INVOICE_PAY_CLIENT_NAMESPACES);
  return (
    <div
      style={themeToCssVars(page.theme) as React.CSSProperties}
      className="min-h-screen bg-[var(--ck-bg)] font-[family-name:var(--ck-font)] text-[var(--ck-text)]"
    >
      <InvoiceDocumentView page={page}>
        {page.payAmount ? (
          <section aria-labelledby="invoice-pay-title" className="mt-8" data-testid="invoice-pay">
            <h2 id="invoice-pay-title" className="mb-3 text-base font-semibold">
              {t('Invoice.payTitle')}
            </h2>
            <NextIntlClientProvider locale={locale} messages={client}>
              <InvoicePayForm
                payLabel={t('PayButton.pay', { amount: page.payAmount })}
                note={page.savesCard ? t('Invoice.payNote') : null}
                notice={notice}
                action={payInvoiceAction.bind(null, invoiceId, signature)}
              />
            </NextIntlClientProvider>
          </section>
        ) : null}
        {page.challengePending ? (
          <p className="mt-8 text-sm" data-testid="invoice-challenge">
            {t('Invoice.authenticatePending')}{' '}
            <a href={`${page.path}/authenticate`} className={LINK}>
              {t('Invoice.authenticateLink')}
            </a>
          </p>
        ) : null}
        <p className="mt-8 flex flex-wrap gap-x-6 gap-y-2 text-sm">
          {page.receiptUrl ? (
            <a href={page.receiptUrl} className={LINK} data-testid="invoice-receipt-link">
              {t('Invoice.viewReceipt')}
            </a>
          ) : null}
          {page.document.status.state !== 'draft' ? (
            <a href={`${page.path}/pdf`} className={LINK} data-testid="invoice-pdf-link">
              {t('Invoice.downloadPdf')}
            </a>
          ) : null}
        </p>
      </InvoiceDocumentView>
    </div>
  );
}
