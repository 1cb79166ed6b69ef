import { eq } from 'drizzle-orm';
import type { Db, Queryable } from '@/db/client';
import { updateAccountSettings } from '@/db/queries/account-settings';
import type { ChargeRow } from '@/db/queries/charges';
import { insertRefund, type RefundRow } from '@/db/queries/refunds';
import { accounts, type RefundReason } from '@/db/schema';
import { newShop, type Shop } from '@/lib/checkout/testing/checkout-world';
import { newId } from '@/lib/util/ids';

/**
 * lib/receipts' merchant: "Maison Lumière", selling a €25.00 desk lamp ("Lampe de bureau"), with receipts
 * on (unless said) and a support email to print on them. Its payments are made with paidCharge
 * (lib/payments/testing/paid-charge.ts), as for any other test.
 */
export type ReceiptsShopOptions = { receiptsEnabled?: boolean; defaultLocale?: string };

export async function receiptsShop(db: Db, p: ReceiptsShopOptions = {}): Promise<Shop> {
  const shop = await newShop(db, { merchant: 'Maison Lumière', product: 'Lampe de bureau' });
  await updateAccountSettings(db, {
    accountId: shop.accountId,
    receiptsEnabled: p.receiptsEnabled ?? true,
    defaultLocale: p.defaultLocale ?? null,
    businessDetails: { support_email: 'aide@lumiere.example' },
  });
  return shop;
}

/** Turns the account's receipts off (or on) after the payment. */
export async function setReceipts(db: Db, accountId: string, receiptsEnabled: boolean): Promise<void> {
  await db.update(accounts).set({ receiptsEnabled }).where(eq(accounts.id, accountId));
}

/**
 * A refund row of the charge, in a given state: the receipt reads refunds as rows, whatever code wrote
 * them, and some states (requires_action) no test processor reaches.
 */
export async function addRefund(
  db: Queryable,
  charge: ChargeRow,
  p: { amount: number; status: RefundRow['status']; createdAt: Date; reason?: RefundReason },
): Promise<RefundRow> {
  return insertRefund(db, {
    id: newId('re'),
    accountId: charge.accountId,
    livemode: charge.livemode,
    createdAt: p.createdAt,
    chargeId: charge.id,
    paymentIntentId: charge.paymentIntentId,
    customerId: charge.customerId,
    paymentMethodId: charge.paymentMethodId,
    amount: p.amount,
    currency: charge.currency,
    status: p.status,
    reason: p.reason ?? 'requested_by_customer',
  });
}
