// GET /receipts/:chargeId/:signature — the hosted receipt of a charge (its receipt_url)
import type { Metadata } from 'next';
import { setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { ReceiptDocument } from '@/components/receipts/receipt-document';
import { themeToCssVars } from '@/lib/branding/css-vars';
import { loadReceipt } from './load';

type Props = { params: Promise<{ chargeId: string; signature: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { chargeId, signature } = await params;
  const { page } = await loadReceipt(chargeId, signature);
  return { title: page ? page.receipt.heading : 'Caisse' };
}

export default async function ReceiptPage({ params }: Props) {
  const { chargeId, signature } = await params;
  const { page, locale } = await loadReceipt(chargeId, signature);
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- no [locale] segment to read root params from: the locale comes from the session and Accept-Language
  setRequestLocale(locale);
  // A wrong signature, an unknown charge and a failed one look the same.
  if (!page) notFound();
  return (
    <div
      style={themeToCssVars(page.theme) as React.CSSProperties}
      className="min-h-screen bg-[var(--ck-bg)] font-[family-name:var(--ck-font)] text-[var(--ck-text)]"
    >
      <ReceiptDocument page={page} />
    </div>
  );
}
