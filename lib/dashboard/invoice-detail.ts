import 'server-only';
import type { Queryable } from '@/db/client';
import { taxRatesByIds } from '@/db/queries/checkout-refs';
import { findCustomer } from '@/db/queries/customers';
import { paymentIntentsOfInvoice } from '@/db/queries/dashboard-billing';
import { findInvoice, invoiceLines } from '@/db/queries/invoices';
import { hostedInvoiceUrl, invoicePdfUrl } from '@/lib/billing/invoices/invoice-url';
import { VOIDABLE_INVOICE_STATUSES } from '@/lib/billing/invoices/void-invoice';
import { env } from '@/lib/env';

/**
 * Everything an invoice's page shows, read for one account: the invoice and who it was made out to, its
 * lines, its totals with each discount and each tax rate named, the payment intents made to pay it (oldest
 * first, each with the charge it left), its hosted page and PDF once finalized, and whether the merchant
 * may still void it. Null when the account has no such invoice.
 */
export async function invoiceDetail(db: Queryable, p: { accountId: string; id: string }) {
  const invoice = await findInvoice(db, p);
  if (!invoice) return null;
  const { accountId } = p;
  const [lines, customer, intents, rates] = await Promise.all([
    invoiceLines(db, { accountId, invoiceId: invoice.id }),
    findCustomer(db, { accountId, id: invoice.customerId, includeDeleted: true }),
    paymentIntentsOfInvoice(db, { accountId, invoiceId: invoice.id }),
    taxRatesByIds(
      db,
      accountId,
      invoice.totalTaxes.map((t) => t.tax_rate),
    ),
  ]);
  const finalized = invoice.status !== 'draft';
  const appUrl = env().APP_URL;
  return {
    invoice: {
      id: invoice.id,
      number: invoice.number,
      status: invoice.status,
      created: invoice.createdAt,
      currency: invoice.currency,
      billingReason: invoice.billingReason,
      description: invoice.description,
      subscriptionId: invoice.subscriptionId,
      checkoutSessionId: invoice.checkoutSessionId,
      periodStart: invoice.periodStart,
      periodEnd: invoice.periodEnd,
      subtotal: invoice.subtotal,
      total: invoice.total,
      amountDue: invoice.amountDue,
      amountPaid: invoice.amountPaid,
      amountRemaining: invoice.amountRemaining,
      attemptCount: invoice.attemptCount,
      nextPaymentAttempt: invoice.nextPaymentAttempt,
      finalizedAt: invoice.finalizedAt,
      paidAt: invoice.paidAt,
      voidedAt: invoice.voidedAt,
    },
    customer: {
      id: invoice.customerId,
      // As it was made out at finalization; the customer as they are now otherwise.
      email: invoice.customer?.email ?? customer?.email ?? null,
      name: invoice.customer?.name ?? customer?.name ?? null,
    },
    lines: lines.map((l) => ({
      id: l.id,
      description: l.description,
      quantity: l.quantity,
      amount: l.amount,
      currency: l.currency,
      periodStart: l.periodStart,
      periodEnd: l.periodEnd,
    })),
    discounts: invoice.totalDiscountAmounts.map((d) => ({ id: d.discount, amount: d.amount })),
    taxes: invoice.totalTaxes.map((t) => {
      const rate = rates.get(t.tax_rate);
      return {
        rateId: t.tax_rate,
        name: rate?.displayName ?? null,
        percentage: rate?.percentage ?? null,
        inclusive: t.inclusive,
        amount: t.amount,
      };
    }),
    payments: intents.map((i) => ({
      id: i.id,
      amount: i.amount,
      currency: i.currency,
      status: i.status,
      created: i.createdAt,
      card: i.card ? { brand: i.card.brand, last4: i.card.last4 } : null,
      chargeId: i.latestChargeId,
      failure: i.lastPaymentError?.message ?? null,
    })),
    hostedUrl: finalized ? hostedInvoiceUrl(appUrl, invoice.id) : null,
    pdfUrl: finalized ? invoicePdfUrl(appUrl, invoice.id) : null,
    voidable: VOIDABLE_INVOICE_STATUSES.includes(invoice.status),
  };
}

export type InvoiceDetail = NonNullable<Awaited<ReturnType<typeof invoiceDetail>>>;
