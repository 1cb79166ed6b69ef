// GET /i/:invoiceId/:signature/pdf — the invoice as a PDF (an invoice's invoice_pdf)
import { getDb } from '@/db/client';
import { signedInvoice } from '@/lib/billing/invoices/invoice-page-view';
import { renderInvoicePdf } from '@/lib/billing/invoices/invoice-pdf';
import { invoiceLocale, loadInvoiceSource } from '@/lib/billing/invoices/invoice-source';

const notFound = () =>
  new Response('Invoice not found\n', {
    status: 404,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  });

/** "ABCD1234-0001" as a file name: the invoice number's own characters, nothing a header could break on. */
const fileName = (number: string) => `Invoice-${number.replace(/[^A-Za-z0-9-]/g, '_')}.pdf`;

export async function GET(req: Request, { params }: { params: Promise<{ invoiceId: string; signature: string }> }) {
  const { invoiceId, signature } = await params;
  const db = await getDb();
  const invoice = await signedInvoice(db, { invoiceId, signature });
  // A draft has no number and no PDF yet, as on Stripe.
  if (!invoice?.number) return notFound();
  const src = await loadInvoiceSource(db, invoice);
  if (!src) return notFound();
  const pdf = await renderInvoicePdf(src, invoiceLocale(src, req.headers.get('accept-language')));
  return new Response(Buffer.from(pdf), {
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `inline; filename="${fileName(invoice.number)}"`,
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'same-origin',
      'x-robots-tag': 'noindex, nofollow',
    },
  });
}
