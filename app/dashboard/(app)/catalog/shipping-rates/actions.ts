'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { parseParams } from '@/lib/api/parse-params';
import { createShippingRate, updateShippingRate } from '@/lib/catalog/shipping-rates';
import { fail, ok, parseInput, type ActionResult } from '@/lib/dashboard/action-result';
import { apiFailure } from '@/lib/dashboard/catalog/api-failure';
import { requireMerchant } from '@/lib/dashboard/current-merchant';
import { createShippingRateParams, shippingRateFormSchema, type ShippingRateFormInput } from '@/lib/validation/dashboard-rates';
import { createShippingRateSchema, updateShippingRateSchema } from '@/lib/validation/shipping-rates';

const id = z.string().min(1).max(255);
const FIELDS = {
  display_name: 'displayName',
  'fixed_amount[amount]': 'amount',
  'fixed_amount[currency]': 'currency',
  delivery_estimate: 'minValue',
};

// POST (server action) — create a fixed-amount shipping rate (lib/catalog createShippingRate)
export async function createShippingRateAction(input: ShippingRateFormInput): Promise<ActionResult> {
  const { db, accountId } = await requireMerchant();
  const parsed = parseInput(shippingRateFormSchema, input);
  if (!parsed.ok) return parsed.result;
  try {
    await createShippingRate(db, { accountId }, parseParams(createShippingRateSchema, createShippingRateParams(parsed.data)));
    revalidatePath('/dashboard/catalog', 'layout');
    return ok();
  } catch (err) {
    return apiFailure(err, FIELDS);
  }
}

// POST (server action) — archive (active=false) or restore a shipping rate
export async function setShippingRateActiveAction(rateId: string, active: boolean): Promise<ActionResult> {
  const { db, accountId } = await requireMerchant();
  if (!id.safeParse(rateId).success) return fail('not_found');
  try {
    await updateShippingRate(db, { accountId, id: rateId }, parseParams(updateShippingRateSchema, { active: active === true }));
    revalidatePath('/dashboard/catalog', 'layout');
    return ok();
  } catch (err) {
    return apiFailure(err);
  }
}
