'use server';

import { z } from 'zod';
import { merchantIdAction, type ActionOptions } from '@/lib/actions/action';
import { lockSubscriptionOrThrow } from '@/lib/api/get-or-throw';
import { billingNow } from '@/lib/billing/clock';
import { cancelSubscriptionNow, setCancelAtPeriodEnd } from '@/lib/billing/subscriptions/cancel-subscription';
import { cancelAtPeriodEndSchema } from '@/lib/validation/dashboard-billing';

// A cancellation shows on the subscription's pages, its customer's and (no longer collected) its invoices'.
const SUBSCRIPTIONS = {
  messages: 'Dashboard.subscriptions.errors',
  revalidate: [
    { path: '/dashboard/subscriptions', type: 'layout' },
    { path: '/dashboard/customers', type: 'layout' },
    { path: '/dashboard/invoices', type: 'layout' },
  ],
} satisfies ActionOptions;

// POST (server action) — cancel one of the account's subscriptions (id) at the end of its period, or take that back (lib/billing setCancelAtPeriodEnd, as POST /v1/subscriptions/:id with cancel_at_period_end)
export const cancelAtPeriodEndAction = merchantIdAction(
  cancelAtPeriodEndSchema,
  async (v, { db, accountId, id }) => {
    await db.transaction(async (tx) => {
      const sub = await lockSubscriptionOrThrow(tx, { accountId, id });
      await setCancelAtPeriodEnd(tx, sub, v.cancelAtPeriodEnd, await billingNow(tx, sub));
    });
  },
  SUBSCRIPTIONS,
);

// POST (server action) — cancel one of the account's subscriptions (id) now (lib/billing cancelSubscriptionNow, as DELETE /v1/subscriptions/:id)
export const cancelSubscriptionNowAction = merchantIdAction(
  z.undefined(),
  async (_v, { db, accountId, id }) => {
    await db.transaction(async (tx) => {
      const sub = await lockSubscriptionOrThrow(tx, { accountId, id });
      await cancelSubscriptionNow(tx, sub, { now: await billingNow(tx, sub) });
    });
  },
  SUBSCRIPTIONS,
);
