import type { PortalConfigurationRow } from '@/db/queries/billing-portal-configurations';
import { unix } from '@/lib/util/time';

export function serializePortalConfiguration(row: PortalConfigurationRow) {
  return {
    id: row.id,
    object: 'billing_portal.configuration' as const,
    active: row.active,
    // Only Connect applications create configurations of their own.
    application: null,
    business_profile: row.businessProfile,
    created: unix(row.createdAt),
    default_return_url: row.defaultReturnUrl,
    features: row.features,
    is_default: row.isDefault,
    livemode: row.livemode,
    // Caisse has no hosted login page (login_page[enabled]=true is refused).
    login_page: { enabled: false, url: null },
    metadata: row.metadata,
    name: row.name,
    updated: unix(row.updatedAt),
  };
}
