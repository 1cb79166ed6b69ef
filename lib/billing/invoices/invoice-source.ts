import type { Queryable } from '@/db/client';
import { getAccount, type AccountRow } from '@/db/queries/accounts';
import { findSession, sessionOfSubscription, type SessionRow } from '@/db/queries/checkout-sessions';
import { taxRatesByIds } from '@/db/queries/checkout-refs';
import { findCoupon } from '@/db/queries/coupons';
import { findCustomer, type CustomerRow } from '@/db/queries/customers';
import { invoiceLines, type InvoiceLineRow, type InvoiceRow } from '@/db/queries/invoices';
import { findSubscription, type SubscriptionRow } from '@/db/queries/subscriptions';
import { checkoutLocale, matchLocale, type MessageLocale } from '@/i18n/locales';
import { invoiceDocument, type InvoiceDocument } from './invoice-document';

/**
 * From rows to what an invoice says, in one place for the hosted invoice page, its PDF and the invoice
 * emails: the merchant, the customer's language, the lines, the names of its taxes and discounts.
 */
export type InvoiceSource = {
  account: AccountRow;
  invoice: InvoiceRow;
  lines: InvoiceLineRow[];
  customer: CustomerRow | null;
  subscription: SubscriptionRow | null;
  /** The checkout the invoice, or its subscription, came from: the language the customer chose there. */
  session: SessionRow | null;
  taxRates: Map<string, { displayName: string; percentage: string }>;
  discountNames: Map<string, string>;
};

/** Discount ids (di_…) to their coupons' names, as far as the subscription and its checkout still tell. */
async function discountNames(db: Queryable, src: Omit<InvoiceSource, 'taxRates' | 'discountNames'>): Promise<Map<string, string>> {
  const coupons = new Map<string, string>();
  for (const d of src.session?.discounts ?? []) coupons.set(d.id, d.coupon);
  if (src.subscription?.discount) coupons.set(src.subscription.discount.id, src.subscription.discount.coupon);
  const names = new Map<string, string>();
  for (const { discount } of src.invoice.totalDiscountAmounts) {
    const couponId = coupons.get(discount);
    const coupon = couponId ? await findCoupon(db, { accountId: src.account.id, id: couponId, includeDeleted: true }) : null;
    if (coupon?.name) names.set(discount, coupon.name);
  }
  return names;
}

/** The rows behind an invoice's documents, read one after the other (a transaction is one connection); null if its account is gone. */
export async function loadInvoiceSource(db: Queryable, invoice: InvoiceRow): Promise<InvoiceSource | null> {
  const accountId = invoice.accountId;
  const account = await getAccount(db, accountId);
  if (!account) return null;
  const lines = await invoiceLines(db, { accountId, invoiceId: invoice.id });
  const customer = await findCustomer(db, { accountId, id: invoice.customerId, includeDeleted: true });
  const subscription = invoice.subscriptionId ? await findSubscription(db, { accountId, id: invoice.subscriptionId }) : null;
  const session = invoice.checkoutSessionId
    ? await findSession(db, { accountId, id: invoice.checkoutSessionId })
    : invoice.subscriptionId
      ? await sessionOfSubscription(db, { accountId, subscriptionId: invoice.subscriptionId })
      : null;
  const rates = await taxRatesByIds(
    db,
    accountId,
    invoice.totalTaxes.map((t) => t.tax_rate),
  );
  const taxRates = new Map([...rates].map(([id, r]) => [id, { displayName: r.displayName, percentage: r.percentage }]));
  const base = { account, invoice, lines, customer, subscription, session };
  return { ...base, taxRates, discountNames: await discountNames(db, base) };
}

/**
 * The invoice's language: the customer's preferred locales (what Stripe words invoices and their emails
 * in), else the language of the checkout they subscribed on, else the reader's browser (the hosted page
 * has one; an email does not), else the account's default, else English.
 */
export function invoiceLocale(
  src: Pick<InvoiceSource, 'customer' | 'session' | 'account'>,
  acceptLanguage: string | null = null,
): MessageLocale {
  const preferred = (src.customer?.preferredLocales ?? []).map(matchLocale).find((l) => l !== null);
  return preferred ?? checkoutLocale(src.session?.locale ?? null, acceptLanguage, src.account.defaultLocale);
}

/** The merchant's name as invoices print it: the account's display name (Stripe's `account_name`). */
export const invoiceMerchantName = (account: AccountRow) => account.displayName ?? account.name;

export function invoiceDocumentOf(src: InvoiceSource, locale: MessageLocale): InvoiceDocument {
  return invoiceDocument({
    locale,
    merchant: { name: invoiceMerchantName(src.account), business: src.account.businessDetails },
    invoice: src.invoice,
    lines: src.lines,
    taxRates: src.taxRates,
    discountNames: src.discountNames,
  });
}
