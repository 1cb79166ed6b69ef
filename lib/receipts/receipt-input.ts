import type { Queryable } from '@/db/client';
import { getAccount, type AccountRow } from '@/db/queries/accounts';
import type { ChargeRow } from '@/db/queries/charges';
import { findSession, sessionLineItems, type SessionRow } from '@/db/queries/checkout-sessions';
import { findPaymentIntent, type PaymentIntentRow } from '@/db/queries/payment-intents';
import type { RefundRow } from '@/db/queries/refunds';
import type { AccountBranding } from '@/db/schema';
import { taxRatesByIds } from '@/db/queries/checkout-refs';
import { checkoutLocale, type MessageLocale } from '@/i18n/locales';
import type { ReceiptInput } from './render-receipt';
import type { ReceiptRefund, ReceiptState } from './receipt-sections';

/**
 * From rows to what a receipt says, in one place for the payment's email, the refund's email and the
 * hosted receipt page, so the three always agree on the merchant, the number, the items and the amounts.
 */

export type ReceiptSource = {
  account: AccountRow;
  intent: PaymentIntentRow;
  /** The checkout session the payment came from: its items, totals, branding and language. */
  session: SessionRow | null;
  charge: ChargeRow | null;
  lines: Awaited<ReturnType<typeof sessionLineItems>>;
  /** Automatic tax reverse-charged the session's VAT (one of its breakdown's rates says so). */
  reverseCharge: boolean;
};

/** "pi_…Ab12Cd34" → "Ab12-Cd34": short enough to read over the phone, and it leads support to the payment. */
export const receiptNumber = (intentId: string) => `${intentId.slice(-8, -4)}-${intentId.slice(-4)}`;

/** The rows behind a charge's receipt, read one after the other (a transaction is one connection); null if the charge's intent or account is gone. */
export async function loadReceiptSource(db: Queryable, charge: ChargeRow): Promise<ReceiptSource | null> {
  const accountId = charge.accountId;
  const account = await getAccount(db, accountId);
  const intent = await findPaymentIntent(db, { accountId, id: charge.paymentIntentId });
  if (!account || !intent) return null;
  const session = intent.checkoutSessionId ? await findSession(db, { accountId, id: intent.checkoutSessionId }) : null;
  const lines = session ? await sessionLineItems(db, { accountId, sessionId: session.id }) : [];
  return { account, intent, session, charge, lines, reverseCharge: await reverseCharged(db, session) };
}

/** Whether automatic tax reverse-charged the session's VAT: a rate of its breakdown has that reason. */
export async function reverseCharged(db: Queryable, session: SessionRow | null): Promise<boolean> {
  if (!session?.automaticTax.enabled || !session.totalDetails) return false;
  const rates = await taxRatesByIds(
    db,
    session.accountId,
    session.totalDetails.breakdown.taxes.map((t) => t.rate),
  );
  return [...rates.values()].some((r) => r.taxabilityReason === 'reverse_charge');
}

/**
 * The session's locale, else the reader's browser (the receipt page has one; an email does not), else the
 * account's default language: the language the customer paid in, as far as Caisse can tell.
 */
export function receiptLocale(src: Pick<ReceiptSource, 'account' | 'session'>, acceptLanguage: string | null = null): MessageLocale {
  return checkoutLocale(src.session?.locale ?? null, acceptLanguage, src.account.defaultLocale);
}

/** What became of the charge: a debit not yet confirmed, an authorization not captured (or released), or a payment. */
export function chargeState(charge: ChargeRow): ReceiptState {
  if (charge.status === 'pending') return 'processing';
  // Any refund of an uncaptured charge is its release (lib/payments/release-authorization.ts).
  if (!charge.captured) return charge.amountRefunded > 0 ? 'canceled' : 'authorized';
  return 'paid';
}

export const receiptRefund = (r: Pick<RefundRow, 'amount' | 'createdAt' | 'status'>): ReceiptRefund => ({
  amount: r.amount,
  createdAt: r.createdAt,
  status: r.status === 'requires_action' ? 'pending' : r.status,
});

export function receiptInput(
  src: ReceiptSource,
  p: { locale: MessageLocale; refunds?: readonly RefundRow[]; refund?: RefundRow; link?: string | null },
): ReceiptInput {
  const { account, intent, session, charge } = src;
  const sessionBranding = session?.brandingSettings ?? {};
  const branding: AccountBranding = {
    ...account.branding,
    ...(sessionBranding.button_color ? { button_color: sessionBranding.button_color } : {}),
  };
  const total = session?.amountTotal ?? intent.amount;
  const totals = session?.totalDetails;
  const shipping = session?.collectedInformation?.shipping_details ?? charge?.shipping ?? intent.shipping;
  const card = charge?.card ?? intent.card;
  const sepaDebit = charge?.sepaDebit ?? intent.sepaDebit;
  return {
    locale: p.locale,
    merchant: { name: sessionBranding.display_name || account.displayName || account.name, branding, business: account.businessDetails },
    number: charge?.receiptNumber ?? receiptNumber(intent.id),
    paidAt: charge?.createdAt ?? session?.completedAt ?? intent.createdAt,
    currency: charge?.currency ?? intent.currency,
    items: src.lines.map(({ line }) => ({ name: line.description ?? '', quantity: line.quantity, amount: line.amountSubtotal })),
    amounts: {
      subtotal: session?.amountSubtotal ?? total,
      discount: totals?.amount_discount ?? 0,
      shipping: totals?.amount_shipping ?? 0,
      tax: totals?.amount_tax ?? 0,
      total,
    },
    card: card ? { brand: card.brand, last4: card.last4 } : null,
    sepaDebit: sepaDebit ? { last4: sepaDebit.last4 } : null,
    shipping: shipping ? { name: shipping.name ?? null, address: shipping.address } : null,
    state: charge ? chargeState(charge) : 'paid',
    charged: charge ? (charge.captured ? charge.amountCaptured : charge.amount) : total,
    refunds: p.refunds?.map(receiptRefund),
    refund: p.refund ? { amount: p.refund.amount, createdAt: p.refund.createdAt } : null,
    link: p.link ?? null,
    reverseCharge: src.reverseCharge ? { customerTaxIds: session?.customerDetails?.tax_ids.map((t) => t.value) ?? [] } : null,
  };
}
