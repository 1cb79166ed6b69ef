'use server';

import { merchantAction } from '@/lib/actions/action';
import { createDashboardSession } from '@/lib/dashboard/catalog/create-dashboard-session';
import { checkoutSessionFormSchema } from '@/lib/validation/dashboard-checkout-session';

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
export const createCheckoutSessionAction = merchantAction(
  checkoutSessionFormSchema,
  (v, { db, accountId }) => createDashboardSession(db, { accountId }, v),
  { messages: 'Dashboard.catalog.errors', apiFields: FIELDS },
);
