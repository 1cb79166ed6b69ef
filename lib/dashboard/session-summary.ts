import type { SessionRow } from '@/db/queries/checkout-sessions';

/** One row of a sessions table: only what the dashboard lists, never the whole row. */
export type SessionSummary = {
  id: string;
  created: Date;
  email: string | null;
  amountTotal: number | null;
  currency: string | null;
  status: SessionRow['status'];
  paymentStatus: SessionRow['paymentStatus'];
};

export function sessionRowSummary(row: SessionRow): SessionSummary {
  const details = row.customerDetails;
  return {
    id: row.id,
    created: row.createdAt,
    email: details?.email ?? row.customerEmail ?? null,
    amountTotal: row.amountTotal,
    currency: row.currency,
    status: row.status,
    paymentStatus: row.paymentStatus,
  };
}
