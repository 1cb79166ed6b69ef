'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { parseParams } from '@/lib/api/parse-params';
import { createTaxRate, updateTaxRate } from '@/lib/catalog/tax-rates';
import { fail, ok, parseInput, type ActionResult } from '@/lib/dashboard/action-result';
import { apiFailure } from '@/lib/dashboard/catalog/api-failure';
import { requireMerchant } from '@/lib/dashboard/current-merchant';
import { createTaxRateParams, taxRateFormSchema, type TaxRateFormInput } from '@/lib/validation/dashboard-rates';
import { createTaxRateSchema, updateTaxRateSchema } from '@/lib/validation/tax-rates';

const id = z.string().min(1).max(255);
const FIELDS = { display_name: 'displayName', percentage: 'percentage', country: 'country', jurisdiction: 'jurisdiction' };

// POST (server action) — create a tax rate (lib/catalog createTaxRate)
export async function createTaxRateAction(input: TaxRateFormInput): Promise<ActionResult> {
  const { db, accountId } = await requireMerchant();
  const parsed = parseInput(taxRateFormSchema, input);
  if (!parsed.ok) return parsed.result;
  try {
    await createTaxRate(db, { accountId }, parseParams(createTaxRateSchema, createTaxRateParams(parsed.data)));
    revalidatePath('/dashboard/catalog', 'layout');
    return ok();
  } catch (err) {
    return apiFailure(err, FIELDS);
  }
}

// POST (server action) — archive (active=false) or restore a tax rate
export async function setTaxRateActiveAction(rateId: string, active: boolean): Promise<ActionResult> {
  const { db, accountId } = await requireMerchant();
  if (!id.safeParse(rateId).success) return fail('not_found');
  try {
    await updateTaxRate(db, { accountId, id: rateId }, parseParams(updateTaxRateSchema, { active: active === true }));
    revalidatePath('/dashboard/catalog', 'layout');
    return ok();
  } catch (err) {
    return apiFailure(err);
  }
}
