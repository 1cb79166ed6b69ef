'use server';

import { ok, parseInput, type ActionResult } from '@/lib/dashboard/action-result';
import { apiFailure } from '@/lib/dashboard/catalog/api-failure';
import { createDashboardSession } from '@/lib/dashboard/catalog/create-dashboard-session';
import { requireMerchant } from '@/lib/dashboard/current-merchant';
import { checkoutSessionFormSchema, type CheckoutSessionFormInput } from '@/lib/validation/dashboard-checkout-session';

const FIELDS = {
  line_items: 'items',
  success_url: 'successUrl',
  cancel_url: 'cancelUrl',
  customer_email: 'customerEmail',
  shipping_address_collection: 'countries',
  shipping_options: 'shippingRate',
  id: 'items',
};

// POST (server action) — create a Checkout Session from chosen prices (same lib/checkout path as the API); answers its id and hosted URL
export async function createCheckoutSessionAction(input: CheckoutSessionFormInput): Promise<ActionResult<{ id: string; url: string }>> {
  const { db, accountId } = await requireMerchant();
  const parsed = parseInput(checkoutSessionFormSchema, input);
  if (!parsed.ok) return parsed.result;
  try {
    return ok(await createDashboardSession(db, { accountId }, parsed.data));
  } catch (err) {
    return apiFailure(err, FIELDS);
  }
}
