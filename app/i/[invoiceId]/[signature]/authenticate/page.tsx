// GET /i/:invoiceId/:signature/authenticate — the test processor's 3-D Secure challenge for an invoice's payment
import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound, redirect } from 'next/navigation';
import { ChallengePanel } from '@/components/checkout/challenge-panel';
import { pendingInvoiceChallenge } from '@/lib/billing/invoices/authenticate-invoice';
import { authenticateInvoiceAction } from '../actions';
import { loadInvoice } from '../load';

type Props = { params: Promise<{ invoiceId: string; signature: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { invoiceId, signature } = await params;
  const { locale } = await loadInvoice(invoiceId, signature);
  const t = await getTranslations({ locale, namespace: 'Authenticate' });
  return { title: t('title') };
}

export default async function InvoiceAuthenticatePage({ params }: Props) {
  const { invoiceId, signature } = await params;
  const { db, page, locale } = await loadInvoice(invoiceId, signature);
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- no [locale] segment to read root params from: the locale comes from the customer, the checkout and Accept-Language
  setRequestLocale(locale);
  if (!page) notFound();
  const challenge = await pendingInvoiceChallenge(db, { invoiceId, signature });
  if (!challenge) redirect(page.path);
  return (
    <ChallengePanel
      amount={challenge.amount}
      currency={challenge.currency}
      card={challenge.card}
      locale={locale}
      action={authenticateInvoiceAction.bind(null, invoiceId, signature)}
    />
  );
}
