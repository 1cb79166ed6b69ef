// GET /i/:invoiceId/:signature/authenticate — the test processor's 3-D Secure challenge for an invoice's payment
import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound, redirect } from 'next/navigation';
import { StatePage } from '@/components/checkout/state-page';
import { pendingInvoiceChallenge } from '@/lib/billing/invoices/authenticate-invoice';
import { brandName } from '@/lib/payments/card-brands';
import { formatAmount } from '@/lib/money/format';
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
  const t = await getTranslations('Authenticate');
  const action = authenticateInvoiceAction.bind(null, invoiceId, signature);
  return (
    <StatePage title={t('title')} testId="authenticate">
      <p>{t('body')}</p>
      <p className="mt-2">{t('amount', { amount: formatAmount(challenge.amount, challenge.currency, locale) })}</p>
      {challenge.card ? <p>{t('card', { brand: brandName(challenge.card.brand), last4: challenge.card.last4 })}</p> : null}
      {/* One form: the button pressed posts its own `result`. */}
      <form action={action} className="mt-6 flex justify-center gap-3">
        <button type="submit" name="result" value="complete" className="rounded bg-green-700 px-4 py-2 font-semibold text-white">
          {t('complete')}
        </button>
        <button type="submit" name="result" value="fail" className="rounded bg-red-700 px-4 py-2 font-semibold text-white">
          {t('fail')}
        </button>
      </form>
    </StatePage>
  );
}
