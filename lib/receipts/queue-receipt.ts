import type { Tx } from '@/db/client';
import { getAccount, type AccountRow } from '@/db/queries/accounts';
import { sessionLineItems, type SessionRow } from '@/db/queries/checkout-sessions';
import { insertEmail } from '@/db/queries/email-outbox';
import { findPaymentIntent, type PaymentIntentRow } from '@/db/queries/payment-intents';
import type { AccountBranding } from '@/db/schema';
import { checkoutLocale } from '@/i18n/locales';
import { newId } from '@/lib/util/ids';
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

/** "pi_…Ab12Cd34" → "Ab12-Cd34": short enough to read over the phone, and it leads support to the payment. */
const receiptNumber = (intentId: string) => `${intentId.slice(-8, -4)}-${intentId.slice(-4)}`;

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
  const lines = await sessionLineItems(tx, { accountId: session.accountId, sessionId: session.id });
  const sessionBranding = session.brandingSettings ?? {};
  const branding: AccountBranding = {
    ...account.branding,
    ...(sessionBranding.button_color ? { button_color: sessionBranding.button_color } : {}),
  };
  const totals = session.totalDetails;
  const shipping = session.collectedInformation?.shipping_details;
  const rendered = renderReceipt({
    // The customer's browser is not known here: an 'auto' session gets the account's default language.
    locale: checkoutLocale(session.locale, null, account.defaultLocale),
    merchant: { name: sessionBranding.display_name || account.displayName || account.name, branding, business: account.businessDetails },
    number: receiptNumber(intent.id),
    paidAt: session.completedAt ?? new Date(),
    currency: session.currency,
    items: lines.map(({ line }) => ({ name: line.description ?? '', quantity: line.quantity, amount: line.amountSubtotal })),
    amounts: {
      subtotal: session.amountSubtotal ?? 0,
      discount: totals?.amount_discount ?? 0,
      shipping: totals?.amount_shipping ?? 0,
      tax: totals?.amount_tax ?? 0,
      total: session.amountTotal ?? intent.amount,
    },
    card: intent.card ? { brand: intent.card.brand, last4: intent.card.last4 } : null,
    shipping: shipping ? { name: shipping.name ?? null, address: shipping.address } : null,
  });
  const id = newId('em');
  await insertEmail(tx, { id, accountId: session.accountId, kind: 'receipt', to, checkoutSessionId: session.id, ...rendered });
  return id;
}
