import type { TaxRateRow } from '@/db/queries/tax-rates';
import { unix } from '@/lib/util/time';

export function serializeTaxRate(row: TaxRateRow) {
  return {
    id: row.id,
    object: 'tax_rate' as const,
    active: row.active,
    country: row.country,
    created: unix(row.createdAt),
    description: row.description,
    display_name: row.displayName,
    // Only automatic tax's rates (lib/tax) have an effective percentage and a level; none has a flat amount. Their
    // percentage is the jurisdiction's statutory rate, the effective one what was applied (0 for a reverse charge).
    effective_percentage: row.automaticKey ? Number(row.percentage) : null,
    flat_amount: null,
    inclusive: row.inclusive,
    jurisdiction: row.jurisdiction,
    jurisdiction_level: row.jurisdictionLevel,
    livemode: row.livemode,
    metadata: row.metadata,
    // JSON has only numbers; the exact decimal string stays in the database for lib/pricing.
    percentage: Number(row.statutoryPercentage ?? row.percentage),
    rate_type: 'percentage' as const,
    state: row.state,
    tax_type: row.taxType,
  };
}
