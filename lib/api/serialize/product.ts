import type { ProductRow } from '@/db/queries/products';
import { unix } from '@/lib/util/time';

export function serializeProduct(row: ProductRow) {
  return {
    id: row.id,
    object: 'product' as const,
    active: row.active,
    created: unix(row.createdAt),
    default_price: row.defaultPriceId,
    description: row.description,
    images: row.images,
    livemode: row.livemode,
    marketing_features: row.marketingFeatures,
    metadata: row.metadata,
    name: row.name,
    package_dimensions: row.packageDimensions,
    shippable: row.shippable,
    statement_descriptor: row.statementDescriptor,
    tax_code: row.taxCode,
    tax_details: null,
    type: 'service' as const,
    unit_label: row.unitLabel,
    updated: unix(row.updatedAt),
    url: row.url,
  };
}
