import type { ReactNode } from 'react';
import { MerchantHeader } from '@/components/checkout/merchant-header';
import type { InvoiceState } from '@/lib/billing/invoices/invoice-document';
import type { InvoicePageView } from '@/lib/billing/invoices/invoice-page-view';

// Fixed light badges with dark text (as the test-mode badge): readable on any merchant background.
const STATUS_BADGE: Record<InvoiceState, string> = {
  draft: 'bg-gray-200 text-gray-900',
  open: 'bg-blue-100 text-blue-900',
  paid: 'bg-green-100 text-green-900',
  void: 'bg-gray-200 text-gray-900',
  uncollectible: 'bg-red-100 text-red-900',
};

/**
 * The hosted invoice: the same strings as its PDF and emails (lib/billing/invoices/invoice-document.ts), laid
 * out in the account's theme. Plain markup, no client code; `children` is what the customer can do (the card
 * form, the challenge's link, the receipt's), placed under the amount due.
 */
export function InvoiceDocumentView({ page, children }: { page: InvoicePageView; children?: ReactNode }) {
  const d = page.document;
  return (
    <main className="mx-auto max-w-xl p-4 md:p-10" data-testid="invoice">
      <MerchantHeader name={page.merchant.name} logoUrl={page.merchant.logoUrl} cancelUrl={null} livemode={page.livemode} />
      <h1 className="mt-8 text-2xl font-semibold">{d.heading}</h1>
      <p className="mt-1 text-sm text-[var(--ck-muted)]" data-testid="invoice-number">
        {d.number}
      </p>
      <p className="mt-4" data-testid="invoice-status" data-state={d.status.state}>
        <span className={`mr-2 rounded px-2 py-0.5 text-xs font-semibold ${STATUS_BADGE[d.status.state]}`}>{d.status.label}</span>
        <span className="text-lg font-semibold" data-testid="invoice-headline">
          {d.headline}
        </span>
      </p>
      <dl className="mt-6 space-y-2 text-sm">
        {d.facts.map(([label, value]) => (
          <div key={label} className="flex justify-between gap-4" data-testid="invoice-fact">
            <dt className="text-[var(--ck-muted)]">{label}</dt>
            <dd className="text-end">{value}</dd>
          </div>
        ))}
      </dl>
      {d.billTo ? (
        <section aria-labelledby="invoice-bill-to-title" className="mt-6 text-sm">
          <h2 id="invoice-bill-to-title" className="font-semibold">
            {d.billTo.title}
          </h2>
          <address className="mt-2 not-italic">
            {d.billTo.lines.map((line, i) => (
              <span key={i} className="block">
                {line}
              </span>
            ))}
          </address>
        </section>
      ) : null}
      <section aria-labelledby="invoice-items-title" className="mt-8">
        <h2 id="invoice-items-title" className="text-sm font-semibold">
          {d.itemsTitle}
        </h2>
        <table className="mt-2 w-full text-sm">
          <thead className="sr-only">
            <tr>
              <th scope="col">{d.headers.description}</th>
              <th scope="col">{d.headers.amount}</th>
            </tr>
          </thead>
          <tbody>
            {d.items.map((item, i) => (
              <tr key={i} className="border-t border-[var(--ck-border)]" data-testid="invoice-item">
                <td className="py-2 pr-4">
                  <span className="font-medium">{item.description}</span>
                  {item.detail.map((line) => (
                    <span key={line} className="block text-[var(--ck-muted)]">
                      {line}
                    </span>
                  ))}
                </td>
                <td className="py-2 text-end align-top">{item.amount}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <dl className="space-y-2 border-t border-[var(--ck-border)] pt-3 text-sm">
          {d.totals.map(([label, value]) => (
            <div key={label} className="flex justify-between" data-testid="invoice-total-row">
              <dt className="text-[var(--ck-muted)]">{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
          <div className="flex justify-between border-t border-[var(--ck-border)] pt-2 text-base font-semibold" data-testid="invoice-due">
            <dt>{d.due[0]}</dt>
            <dd>{d.due[1]}</dd>
          </div>
        </dl>
        {d.taxNote ? (
          <p className="mt-2 text-sm" data-testid="invoice-tax-note">
            {d.taxNote}
          </p>
        ) : null}
        {d.nextAttempt ? <p className="mt-2 text-sm text-[var(--ck-muted)]">{d.nextAttempt}</p> : null}
      </section>
      {children}
      {d.contact.length ? (
        <footer className="mt-8 border-t border-[var(--ck-border)] pt-4 text-sm text-[var(--ck-muted)]">
          {d.contact.map((line, i) => (
            <p key={i}>{line}</p>
          ))}
        </footer>
      ) : null}
    </main>
  );
}
