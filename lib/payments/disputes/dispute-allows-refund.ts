import type { DisputeStatus } from '@/db/queries/disputes';

/**
 * Whether a disputed payment can still be refunded: for an inquiry (warning_*), and once a dispute is won;
 * not while a chargeback is open or after it is lost, when the bank has already taken the money back.
 * The refund rule (create-refund.ts) and the dispute's is_charge_refundable both read it.
 */
export const disputeAllowsRefund = (status: DisputeStatus) => status.startsWith('warning_') || status === 'won';
