import 'server-only';
import type { Db } from '@/db/client';
import { invalidRequest } from '@/lib/api/errors';
import { parseParams } from '@/lib/api/parse-params';
import { updateCustomer } from '@/lib/customers/customers';
import { COUNTRY_CODES } from '@/lib/validation/countries';
import { updateCustomerSchema, type UpdateCustomerParams } from '@/lib/validation/customers';
import { openWithFeature, refusedOnApiError, type PortalActionResult, type PortalTarget } from './portal-access';

/**
 * The portal's contact and billing details (features.customer_update): the fields its allowed_updates name,
 * changed as POST /v1/customers/:id changes them (the same checks, the same customer.updated event).
 */
export const PORTAL_CONTACT_FIELDS = ['name', 'email', 'phone', 'address'] as const;
export type PortalContactField = (typeof PORTAL_CONTACT_FIELDS)[number];

/** The fields the page lets the customer edit: those allowed_updates names that the portal has a field for. */
export const editableContactFields = (allowed: string[]): PortalContactField[] => PORTAL_CONTACT_FIELDS.filter((f) => allowed.includes(f));

const ADDRESS_KEYS = ['line1', 'line2', 'city', 'state', 'postal_code', 'country'] as const;

/** The customer update the form asks for, with only the allowed fields (anything else posted is ignored); null when malformed. */
function contactParams(fields: PortalContactField[], form: Record<string, string>): UpdateCustomerParams | null {
  const given: Record<string, unknown> = {};
  for (const f of fields) {
    if (f === 'address') {
      const address: Partial<Record<string, string>> = Object.fromEntries(
        ADDRESS_KEYS.map((k): [string, string] => [k, (form[`address_${k}`] ?? '').trim()]).filter(([, v]) => v !== ''),
      );
      if (address.country !== undefined && !COUNTRY_CODES.has(address.country)) return null;
      given.address = Object.keys(address).length ? address : '';
    } else given[f] = (form[f] ?? '').trim();
  }
  return parseParams(updateCustomerSchema, given);
}

/** "Save": the session's customer's details, the fields its configuration allows; a value the API would refuse is "refused". */
export async function portalUpdateContact(db: Db, p: PortalTarget & { form: Record<string, string> }): Promise<PortalActionResult> {
  const open = await openWithFeature(db, p, 'customer_update');
  if (!open) return 'expired';
  const fields = editableContactFields(open.features.customer_update.allowed_updates);
  if (!fields.length) return 'refused';
  return refusedOnApiError(async () => {
    const params = contactParams(fields, p.form);
    if (!params) throw invalidRequest('Invalid country: must be a two-letter ISO 3166-1 alpha-2 code.', 'address[country]');
    await updateCustomer(db, { accountId: open.session.accountId, id: open.session.customerId }, params);
  });
}
