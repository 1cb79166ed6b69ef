'use server';

import { merchantAction, merchantIdAction } from '@/lib/actions/action';
import { activeFlag, catalogOptions } from '@/lib/actions/catalog';
import { parseParams } from '@/lib/api/parse-params';
import { createShippingRate, updateShippingRate } from '@/lib/catalog/shipping-rates';
import { createShippingRateParams, shippingRateFormSchema } from '@/lib/validation/dashboard-rates';
import { createShippingRateSchema, updateShippingRateSchema } from '@/lib/validation/shipping-rates';

const CATALOG = catalogOptions();
const FIELDS = {
  display_name: 'displayName',
  'fixed_amount[amount]': 'amount',
  'fixed_amount[currency]': 'currency',
  delivery_estimate: 'minValue',
};

// POST (server action) — create a fixed-amount shipping rate (lib/catalog createShippingRate)
export const createShippingRateAction = merchantAction(
  shippingRateFormSchema,
  async (v, { db, accountId }) => {
    await createShippingRate(db, { accountId }, parseParams(createShippingRateSchema, createShippingRateParams(v)));
  },
  catalogOptions(FIELDS),
);

// POST (server action) — archive (active=false) or restore a shipping rate
export const setShippingRateActiveAction = merchantIdAction(
  activeFlag,
  async (active, { db, accountId, id }) => {
    await updateShippingRate(db, { accountId, id }, parseParams(updateShippingRateSchema, { active }));
  },
  CATALOG,
);
