'use server';

import { z } from 'zod';
import { merchantIdAction } from '@/lib/actions/action';
import { lockInvoiceOrThrow } from '@/lib/api/get-or-throw';
import { billingNow } from '@/lib/billing/clock';
import { voidInvoice } from '@/lib/billing/invoices/void-invoice';

// POST (server action) — void one of the account's open or uncollectible invoices (id) (lib/billing voidInvoice, as POST /v1/invoices/:id/void)
export const voidInvoiceAction = merchantIdAction(
  z.undefined(),
  async (_v, { db, accountId, id }) => {
    await db.transaction(async (tx) => {
      const invoice = await lockInvoiceOrThrow(tx, { accountId, id });
      await voidInvoice(tx, invoice, await billingNow(tx, invoice));
    });
  },
  {
    messages: 'Dashboard.invoices.errors',
    // A void shows on the invoice's pages, its subscription's and its customer's.
    revalidate: [
      { path: '/dashboard/invoices', type: 'layout' },
      { path: '/dashboard/subscriptions', type: 'layout' },
      { path: '/dashboard/customers', type: 'layout' },
    ],
  },
);
