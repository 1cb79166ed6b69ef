import { z } from 'zod';
import shipped from './data/tax-rates.json';

/**
 * The shipped tax rates (data/tax-rates.json): one row per jurisdiction, tax,
 * product category and period, each with its source. `npm run tax:import`
 * rewrites the file from an operator's CSV; the schema below guards both.
 */
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const taxRateRowSchema = z.strictObject({
  country: z.string().regex(/^[A-Z]{2}$/),
  state: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .nullable(),
  tax: z.enum(['vat', 'gst', 'hst', 'pst', 'qst', 'rst', 'igst', 'jct', 'sales_tax']),
  category: z.enum(['standard', 'books', 'food', 'digital', 'services']),
  percentage: z.string().regex(/^\d{1,2}(\.\d{1,4})?$/),
  from: isoDate,
  to: isoDate.nullable(),
  source: z.string().min(1),
  reason: z.enum(['zero_rated', 'not_subject_to_tax', 'product_exempt']).optional(),
});
export const taxRateTableSchema = z.strictObject({
  version: isoDate,
  note: z.string(),
  rates: z.array(taxRateRowSchema),
});

export type TaxRateRow = z.infer<typeof taxRateRowSchema>;
export type TaxCategory = TaxRateRow['category'];

const table = taxRateTableSchema.parse(shipped);

const keyOf = (country: string, state: string | null, tax: string) => `${country}/${state ?? ''}/${tax}`;
const byJurisdiction = new Map<string, TaxRateRow[]>();
for (const row of table.rates) {
  const key = keyOf(row.country, row.state, row.tax);
  byJurisdiction.set(key, [...(byJurisdiction.get(key) ?? []), row]);
}

const day = (at: Date) => at.toISOString().slice(0, 10);
const inForce = (row: TaxRateRow, on: string) => row.from <= on && (row.to === null || on <= row.to);

/** The rate of a tax for a product category on a day: the category's own row, else the standard one; null when the tax has none then. */
export function rateOn(
  p: { country: string; state: string | null; tax: TaxRateRow['tax']; category: TaxCategory },
  at: Date,
): { row: TaxRateRow; standard: TaxRateRow } | null {
  const rows = byJurisdiction.get(keyOf(p.country, p.state, p.tax)) ?? [];
  const on = day(at);
  // Where an imported period overlaps the one before it (left open-ended), the one that started last applies.
  const latest = (category: TaxCategory) =>
    rows
      .filter((r) => r.category === category && inForce(r, on))
      .reduce<TaxRateRow | undefined>((a, r) => (a && a.from > r.from ? a : r), undefined);
  const standard = latest('standard');
  if (!standard) return null;
  return { row: latest(p.category) ?? standard, standard };
}
