// The page's rows of automatic tax, from the session's breakdown.
export type ShownTax = { rateId: string; taxType: string; percentage: string; amount: number; reason: string | null };

/**
 * One row per tax and percentage, as the customer reads them: shipping's share at the goods' rate (proportionally
 * rated) is a rate of its own in the API, but on the page "VAT 7 %" is one amount. A reverse charge stays its own row.
 */
export function sameRateTogether(taxes: ShownTax[]): ShownTax[] {
  const rows = new Map<string, ShownTax>();
  for (const t of taxes) {
    const key = t.reason === 'reverse_charge' ? t.rateId : `${t.taxType}/${t.percentage}`;
    const row = rows.get(key);
    if (row) row.amount += t.amount;
    else rows.set(key, { ...t });
  }
  return [...rows.values()];
}
