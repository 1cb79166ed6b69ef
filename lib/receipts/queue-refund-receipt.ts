import type { Tx } from '@/db/client';
import type { AccountRow } from '@/db/queries/accounts';
import type { ChargeRow } from '@/db/queries/charges';
import { insertEmail } from '@/db/queries/email-outbox';
import { refundsOfChargeOldestFirst, type RefundRow } from '@/db/queries/refunds';
import { env } from '@/lib/env';
import { newId } from '@/lib/util/ids';
import { receiptRecipient } from './queue-receipt';
import { loadReceiptSource, receiptInput, receiptLocale } from './receipt-input';
import { receiptUrl } from './receipt-url';
import { renderReceipt } from './render-receipt';

/** A payment made without a checkout session: its receipt_email, else the billing email when the account sends receipts. */
const chargeRecipient = (charge: ChargeRow, account: Pick<AccountRow, 'receiptsEnabled'>) =>
  charge.receiptEmail ?? (account.receiptsEnabled ? charge.billingDetails.email : null);

/**
 * Writes a refund's receipt to the email outbox, in the transaction that creates the refund, so the email
 * exists iff the refund committed. It goes where the payment's receipt went (the same rule: receipt_email
 * always, else the customer's email when the account sends receipts), in the customer's language, and says
 * how much came back, from which payment, with the link to the receipt page. Nothing for the release of an
 * authorization that was never captured (no money was taken), nor for a refund that failed or was canceled.
 */
export async function queueRefundReceipt(tx: Tx, p: { charge: ChargeRow; refund: RefundRow }): Promise<void> {
  const { charge, refund } = p;
  if (!charge.captured || refund.status === 'failed' || refund.status === 'canceled') return;
  const src = await loadReceiptSource(tx, charge);
  if (!src) return;
  const to = src.session ? receiptRecipient(src.session, src.account, src.intent) : chargeRecipient(charge, src.account);
  if (!to) return;
  const listed = await refundsOfChargeOldestFirst(tx, { accountId: charge.accountId, chargeId: charge.id });
  // The refund is written before its email, but a caller that has not inserted it yet still gets it listed.
  const refunds = listed.some((r) => r.id === refund.id) ? listed : [...listed, refund];
  const rendered = renderReceipt(
    receiptInput(src, { locale: receiptLocale(src), refunds, refund, link: receiptUrl(env().APP_URL, charge.id) }),
  );
  await insertEmail(tx, {
    id: newId('em'),
    accountId: charge.accountId,
    kind: 'receipt',
    to,
    ...(src.session ? { checkoutSessionId: src.session.id } : {}),
    ...rendered,
  });
}
