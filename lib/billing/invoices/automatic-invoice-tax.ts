import type { Queryable } from '@/db/client';
import { pricesByIds, productsByIds, type PriceRow, type ProductRef } from '@/db/queries/checkout-refs';
import { findCustomer } from '@/db/queries/customers';
import type { SubscriptionRow } from '@/db/queries/subscriptions';
import type { InvoiceAutomaticTaxStatus, StoredInvoiceCustomer } from '@/db/schema';
import { automaticTaxFor, taxCustomerOf } from '@/lib/checkout/automatic-tax';
import type { AutomaticRates, DraftLine } from './draft-lines';
import { netOf, type PricedLine } from './invoice-totals';

/** What is billed, for tax: the subscription item or invoice item it comes from, and its price and product. */
export type TaxedItem = { id: string; priceId: string | null; productId: string | null };

export type InvoiceTax = {
  status: InvoiceAutomaticTaxStatus;
  /** The rates of each item (empty while the location is unknown). */
  automatic: AutomaticRates;
  /** What the invoice freezes of the customer for tax: the IDs and exemption the rates were chosen with. */
  snapshot: Pick<StoredInvoiceCustomer, 'tax_exempt' | 'tax_ids'>;
};

/**
 * Automatic tax on an invoice of a subscription that has it, as Stripe Billing computes it when the invoice is
 * made and again when a draft is finalized: the customer's location (their shipping address, else their
 * address), tax IDs and `tax_exempt` as they are at `at`, each item taxed by its price's tax behaviour and its
 * product's tax code, under the account's tax settings and registrations then.
 */
export async function automaticInvoiceTax(
  db: Queryable,
  invoice: Pick<SubscriptionRow, 'accountId' | 'customerId' | 'livemode' | 'currency'>,
  p: {
    items: readonly TaxedItem[];
    at: Date;
    /** The items' prices and products, when the caller has loaded them already. */
    loaded?: { prices: Map<string, PriceRow>; products: Map<string, ProductRef> };
    /**
     * What each item is billed after discounts, by item id (draftValues, lineValues), asked only of a merchant
     * registered for the EU's import scheme, whose €150 limit it weighs; absent: the limit is not checked.
     */
    values?: () => Map<string, number>;
  },
): Promise<InvoiceTax> {
  const accountId = invoice.accountId;
  const ids = <K extends 'priceId' | 'productId'>(k: K) => p.items.flatMap((i) => i[k] ?? []);
  const [customer, prices, products] = await Promise.all([
    findCustomer(db, { accountId, id: invoice.customerId, includeDeleted: true }),
    p.loaded?.prices ?? pricesByIds(db, accountId, ids('priceId')),
    p.loaded?.products ?? productsByIds(db, accountId, ids('productId')),
  ]);
  const taxCustomer = await taxCustomerOf(db, { accountId, customer, inputs: null });
  const result = await automaticTaxFor(db, {
    accountId,
    livemode: invoice.livemode,
    currency: invoice.currency,
    lines: p.items.map((i) => ({
      key: i.id,
      taxBehavior: (i.priceId ? prices.get(i.priceId)?.taxBehavior : undefined) ?? 'unspecified',
      taxCode: (i.productId ? products.get(i.productId)?.taxCode : undefined) ?? null,
    })),
    values: p.values,
    shipping: null,
    customer: taxCustomer,
    at: p.at,
  });
  return {
    status: result.status,
    automatic: result.lines,
    snapshot: { tax_exempt: taxCustomer.taxExempt, tax_ids: taxCustomer.taxIds },
  };
}

/**
 * The values of draft lines built with no rates (`automatic: new Map()`), by the item each bills (its invoice item,
 * else its subscription item: the ids automaticInvoiceTax's items have).
 */
export function draftValues(lines: readonly DraftLine[]): Map<string, number> {
  return new Map(
    lines.flatMap((line) => {
      const item = line.invoiceItemId ?? line.subscriptionItemId;
      return item ? [[item, netOf(line)] as const] : [];
    }),
  );
}

/** The values of an invoice's stored lines, by line id. */
export function lineValues(lines: readonly (PricedLine & { id: string })[]): Map<string, number> {
  return new Map(lines.map((line) => [line.id, netOf(line)]));
}
