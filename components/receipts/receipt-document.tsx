import { MerchantHeader } from '@/components/checkout/merchant-header';
import type { ReceiptPageView } from '@/lib/receipts/receipt-page-view';
import { ReceiptRefunds } from './receipt-refunds';

const STATUS_BADGE = {
  processing: 'bg-amber-100 text-amber-900',
  authorized: 'bg-blue-100 text-blue-900',
  canceled: 'bg-gray-200 text-gray-900',
} as const;

/**
 * The hosted receipt: the same strings as the emailed one (lib/receipts/render-receipt.ts), laid out
 * for the browser in the checkout's theme. Plain markup, no client code: it works without JavaScript
 * and prints as it is.
 */
export function ReceiptDocument({ page }: { page: ReceiptPageView }) {
  const r = page.receipt;
  // The last of the totals is the total itself (render-receipt always ends with it).
  const subtotals = r.totals.slice(0, -1);
  const total = r.totals.at(-1);
  return (
    <main className="mx-auto max-w-xl p-4 md:p-10" data-testid="receipt">
      <MerchantHeader name={page.merchant.name} logoUrl={page.merchant.logoUrl} cancelUrl={null} livemode={page.livemode} />
      <h1 className="mt-8 text-2xl font-semibold">{r.heading}</h1>
      <p className="mt-1 text-sm text-[var(--ck-muted)]" data-testid="receipt-number">
        {r.number}
      </p>
      {r.status ? (
        <p className="mt-4 text-sm" data-testid="receipt-status" data-state={r.status.state}>
          <span className={`mr-2 rounded px-2 py-0.5 text-xs font-semibold ${STATUS_BADGE[r.status.state]}`}>{r.status.label}</span>
          {r.status.detail}
        </p>
      ) : null}
      <dl className="mt-6 space-y-2 text-sm">
        {r.facts.map(([label, value]) => (
          <div key={label} className="flex justify-between gap-4" data-testid="receipt-fact">
            <dt className="text-[var(--ck-muted)]">{label}</dt>
            <dd className="text-end">{value}</dd>
          </div>
        ))}
      </dl>
      <section aria-labelledby="receipt-summary-title" className="mt-8">
        <h2 id="receipt-summary-title" className="text-sm font-semibold">
          {r.summaryTitle}
        </h2>
        <ul className="mt-2">
          {r.items.map((item, i) => (
            <li key={i} className="flex justify-between gap-4 border-t border-[var(--ck-border)] py-2 text-sm" data-testid="receipt-item">
              <span>
                <span className="font-medium">{item.name}</span>
                <span className="block text-[var(--ck-muted)]">{item.detail}</span>
              </span>
              <span>{item.amount}</span>
            </li>
          ))}
        </ul>
        <dl className="space-y-2 border-t border-[var(--ck-border)] pt-3 text-sm">
          {subtotals.map(([label, value]) => (
            <div key={label} className="flex justify-between">
              <dt className="text-[var(--ck-muted)]">{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
          {total ? (
            <div
              className="flex justify-between border-t border-[var(--ck-border)] pt-2 text-base font-semibold"
              data-testid="receipt-total"
            >
              <dt>{total[0]}</dt>
              <dd>{total[1]}</dd>
            </div>
          ) : null}
        </dl>
        {r.taxNote ? (
          <p className="mt-2 text-sm text-[var(--ck-muted)]" data-testid="receipt-tax-note">
            {r.taxNote}
          </p>
        ) : null}
      </section>
      {r.refunds ? <ReceiptRefunds refunds={r.refunds} /> : null}
      {r.shipTo ? (
        <section aria-labelledby="receipt-ship-to-title" className="mt-8 text-sm">
          <h2 id="receipt-ship-to-title" className="font-semibold">
            {r.shipTo.title}
          </h2>
          <address className="mt-2 not-italic">
            {r.shipTo.lines.map((line, i) => (
              <span key={i} className="block">
                {line}
              </span>
            ))}
          </address>
        </section>
      ) : null}
      {r.contact.length ? (
        <footer className="mt-8 border-t border-[var(--ck-border)] pt-4 text-sm text-[var(--ck-muted)]">
          {r.contact.map((line, i) => (
            <p key={i}>{line}</p>
          ))}
        </footer>
      ) : null}
    </main>
  );
}
