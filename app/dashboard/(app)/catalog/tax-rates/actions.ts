'use server';

import { merchantAction, merchantIdAction } from '@/lib/actions/action';
import { activeFlag, catalogOptions } from '@/lib/actions/catalog';
import { parseParams } from '@/lib/api/parse-params';
import { createTaxRate, updateTaxRate } from '@/lib/catalog/tax-rates';
import { createTaxRateParams, taxRateFormSchema } from '@/lib/validation/dashboard-rates';
import { createTaxRateSchema, updateTaxRateSchema } from '@/lib/validation/tax-rates';

const CATALOG = catalogOptions();
const FIELDS = { display_name: 'displayName', percentage: 'percentage', country: 'country', jurisdiction: 'jurisdiction' };

// POST (server action) — create a tax rate (lib/catalog createTaxRate)
export const createTaxRateAction = merchantAction(
  taxRateFormSchema,
  async (v, { db, accountId }) => {
    await createTaxRate(db, { accountId }, parseParams(createTaxRateSchema, createTaxRateParams(v)));
  },
  catalogOptions(FIELDS),
);

// POST (server action) — archive (active=false) or restore a tax rate
export const setTaxRateActiveAction = merchantIdAction(
  activeFlag,
  async (active, { db, accountId, id }) => {
    await updateTaxRate(db, { accountId, id }, parseParams(updateTaxRateSchema, { active }));
  },
  CATALOG,
);
