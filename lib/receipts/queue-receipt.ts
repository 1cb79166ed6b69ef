import type { Tx } from '@/db/client';
import { getAccount, type AccountRow } from '@/db/queries/accounts';
import { sessionLineItems, type SessionRow } from '@/db/queries/checkout-sessions';
import { insertEmail } from '@/db/queries/email-outbox';
import { findPaymentIntent, type PaymentIntentRow } from '@/db/queries/payment-intents';
import { findCharge } from '@/db/queries/charges';
import { env } from '@/lib/env';
import { newId } from '@/lib/util/ids';
import { receiptInput, receiptLocale, reverseCharged } from './receipt-input';
import { receiptUrl } from './receipt-url';
import { renderReceipt } from './render-receipt';

/**
 * receipt_email on the session (as Stripe does) wins and is honoured even when
 * the account sends no receipts; otherwise the email the customer typed, if
 * the account turned receipts on.
 */
export function receiptRecipient(
  session: SessionRow,
  account: Pick<AccountRow, 'receiptsEnabled'>,
  intent: Pick<PaymentIntentRow, 'receiptEmail'> | null,
): string | null {
  const asked = intent?.receiptEmail ?? (session.paymentIntentData?.receipt_email || null);
  if (asked) return asked;
  if (!account.receiptsEnabled) return null;
  return (session.customerDetails?.email ?? session.customerEmail) || null;
}

/**
 * Writes the session's receipt to the email outbox, in the completion
 * transaction: the receipt exists iff the payment committed. Only payments
 * that took money get one (not setup sessions, not free trials).
 */
export async function queueReceipt(tx: Tx, session: SessionRow): Promise<string | null> {
  if (session.paymentStatus !== 'paid' || !session.paymentIntentId || !session.currency) return null;
  // One after the other: a transaction is one connection.
  const account = await getAccount(tx, session.accountId);
  const intent = await findPaymentIntent(tx, { accountId: session.accountId, id: session.paymentIntentId });
  if (!account || !intent) return null;
  const to = receiptRecipient(session, account, intent);
  if (!to) return null;
  const charge = intent.latestChargeId ? await findCharge(tx, { accountId: session.accountId, id: intent.latestChargeId }) : null;
  const lines = await sessionLineItems(tx, { accountId: session.accountId, sessionId: session.id });
  const rendered = renderReceipt(
    receiptInput(
      { account, intent, session, charge, lines, reverseCharge: await reverseCharged(tx, session) },
      // The customer's browser is not known here: an 'auto' session gets the account's default language.
      { locale: receiptLocale({ account, session }), link: charge ? receiptUrl(env().APP_URL, charge.id) : null },
    ),
  );
  const id = newId('em');
  await insertEmail(tx, { id, accountId: session.accountId, kind: 'receipt', to, checkoutSessionId: session.id, ...rendered });
  return id;
}
