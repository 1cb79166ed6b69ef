import type { PortalSessionRow } from '@/db/queries/billing-portal-sessions';
import { unix } from '@/lib/util/time';

/** A billing_portal.session as Stripe shows it; `url` only exists in the create response (it holds the token). */
export function serializePortalSession(row: PortalSessionRow, url: string) {
  return {
    id: row.id,
    object: 'billing_portal.session' as const,
    configuration: row.configurationId,
    created: unix(row.createdAt),
    customer: row.customerId,
    customer_account: null,
    flow: row.flow,
    livemode: row.livemode,
    locale: row.locale,
    on_behalf_of: null,
    return_url: row.returnUrl,
    url,
  };
}
