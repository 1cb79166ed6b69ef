import type { ReceiptRefundStatus, ReceiptRefundsView } from '@/lib/receipts/receipt-sections';

// Fixed light badges with dark text (as the test-mode badge): readable on any merchant background.
const BADGE: Record<ReceiptRefundStatus, string> = {
  pending: 'bg-amber-100 text-amber-900',
  succeeded: 'bg-green-100 text-green-900',
  failed: 'bg-red-100 text-red-900',
  canceled: 'bg-gray-200 text-gray-900',
};

/** Each refund's date, amount and status, then what came back in all. */
export function ReceiptRefunds({ refunds }: { refunds: ReceiptRefundsView }) {
  return (
    <section aria-labelledby="receipt-refunds-title" className="mt-8" data-testid="receipt-refunds">
      <h2 id="receipt-refunds-title" className="text-sm font-semibold">
        {refunds.title}
      </h2>
      <table className="mt-2 w-full text-sm">
        <thead className="sr-only">
          <tr>
            <th scope="col">{refunds.headers.date}</th>
            <th scope="col">{refunds.headers.status}</th>
            <th scope="col">{refunds.headers.amount}</th>
          </tr>
        </thead>
        <tbody>
          {refunds.rows.map((r, i) => (
            <tr key={i} className="border-t border-[var(--ck-border)]" data-testid="refund-row" data-state={r.state}>
              <td className="py-2">{r.date}</td>
              <td className="py-2">
                <span className={`rounded px-2 py-0.5 text-xs font-semibold ${BADGE[r.state]}`}>{r.status}</span>
              </td>
              <td className="py-2 text-end">{r.amount}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="border-t border-[var(--ck-border)] font-semibold" data-testid="refunds-total">
            <th scope="row" colSpan={2} className="py-2 text-start">
              {refunds.total[0]}
            </th>
            <td className="py-2 text-end">{refunds.total[1]}</td>
          </tr>
        </tfoot>
      </table>
    </section>
  );
}
