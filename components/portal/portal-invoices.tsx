import { getFormatter, getTranslations } from 'next-intl/server';
import type { PortalInvoiceView } from '@/lib/billing-portal/portal-page-view';
import { LINK, SECTION } from './styles';

/** The customer's invoices (features.invoice_history), each with its hosted page and its PDF. */
export async function PortalInvoices({ invoices }: { invoices: PortalInvoiceView[] }) {
  const [t, format] = await Promise.all([getTranslations('Portal'), getFormatter()]);
  return (
    <section aria-labelledby="portal-invoices" className={SECTION} data-testid="portal-invoices">
      <h2 id="portal-invoices" className="text-base font-semibold">
        {t('invoicesTitle')}
      </h2>
      {invoices.length === 0 ? (
        <p className="mt-3 text-sm text-gray-600">{t('noInvoices')}</p>
      ) : (
        <table className="mt-3 w-full text-start text-sm">
          <thead className="text-gray-600">
            <tr>
              <th className="py-1 font-medium">{t('invoiceNumber')}</th>
              <th className="py-1 font-medium">{t('invoiceDate')}</th>
              <th className="py-1 font-medium">{t('invoiceAmount')}</th>
              <th className="py-1 font-medium">{t('invoiceStatus')}</th>
              <th className="py-1 font-medium">
                <span className="sr-only">{t('invoiceLinks')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {invoices.map((inv) => (
              <tr key={inv.id} className="border-t border-gray-200" data-testid={`portal-invoice-${inv.id}`}>
                <td className="py-2">{inv.number ?? '—'}</td>
                <td className="py-2">{format.dateTime(inv.created, { dateStyle: 'long', timeZone: 'UTC' })}</td>
                <td className="py-2">{inv.amount}</td>
                <td className="py-2">{t('invoiceState', { status: inv.status })}</td>
                <td className="py-2 text-end">
                  <a href={inv.hostedUrl} className={LINK}>
                    {t('viewInvoice', { number: inv.number ?? '' })}
                  </a>{' '}
                  <a href={inv.pdfUrl} className={LINK}>
                    {t('downloadPdf', { number: inv.number ?? '' })}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
