import type { SessionRow } from '@/db/queries/checkout-sessions';
import type { Address as StoredAddress } from '@/db/schema';
import type { StoredCollectedInformation, StoredConsent, StoredCustomerDetails, StoredCustomField } from '@/db/schema/checkout-json';
import { taxIdSupported } from '@/lib/tax-ids/checkout-tax-id-types';
import { recognizeTaxId } from '@/lib/tax-ids/recognize-tax-id';
import type { ConfirmData } from '@/lib/validation/checkout-page';

type Address = {
  line1: string | null;
  line2: string | null;
  city: string | null;
  state: string | null;
  postal_code: string | null;
  country: string;
};

const address = (a: Address): StoredAddress & { country: string } => ({
  city: a.city,
  country: a.country,
  line1: a.line1,
  line2: a.line2,
  postal_code: a.postal_code,
  state: a.state,
});

/** A custom field with its value set (null: cleared), in the part of the field its type names. */
export function withFieldValue(f: StoredCustomField, value: string | null): StoredCustomField {
  return { ...f, [f.type]: { ...f[f.type], value } };
}

type CollectedDetails = {
  customerDetails: StoredCustomerDetails;
  collectedInformation: StoredCollectedInformation;
  customFields: StoredCustomField[];
  consent: StoredConsent | null;
};

/**
 * The business a customer bought as (tax_id_collection): its name and its tax ID, typed as the country's type
 * the number passed (makeConfirmSchema has refused any other), or null for a purchase as a person.
 */
function businessOf(session: SessionRow, data: ConfirmData): { name: string | null; taxIds: { type: string; value: string }[] } | null {
  const country = data.shipping?.country ?? data.billing?.country ?? null;
  if (!session.taxIdCollection.enabled || !data.tax_id || !country || !taxIdSupported(country)) return null;
  const required = session.taxIdCollection.required === 'if_supported';
  if (!data.tax_id.business && !required) return null;
  const recognized = data.tax_id.value ? recognizeTaxId(country, data.tax_id.value) : null;
  return { name: data.tax_id.business_name, taxIds: recognized ? [recognized] : [] };
}

/** What the customer typed, shaped as the session's customer_details, collected_information, custom_fields and consent. */
export function collectedDetails(session: SessionRow, data: ConfirmData): CollectedDetails {
  const email = session.customerEmail ?? data.email ?? null;
  const business = businessOf(session, data);
  return {
    customerDetails: {
      address: data.billing ? address(data.billing) : null,
      business_name: business?.name ?? null,
      email,
      individual_name: null,
      name: data.billing?.name ?? (data.method === 'card' ? data.card.name : data.method === 'sepa_debit' ? data.sepa.name : null),
      phone: data.phone || null,
      tax_exempt: 'none' as const,
      tax_ids: business?.taxIds ?? [],
    },
    collectedInformation: {
      business_name: business?.name ?? null,
      individual_name: null,
      shipping_details: data.shipping ? { address: address(data.shipping), name: data.shipping.name } : null,
    },
    customFields: session.customFields.map((f) => withFieldValue(f, (data.custom_fields as Record<string, string | null>)[f.key] ?? null)),
    consent: session.consentCollection
      ? {
          promotions: data.promotions ? 'opt_in' : session.consentCollection.promotions === 'auto' ? 'opt_out' : null,
          terms_of_service: data.terms ? 'accepted' : null,
        }
      : null,
  };
}
