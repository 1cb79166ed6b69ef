import type { SessionRow } from '@/db/queries/checkout-sessions';
import type { Address as StoredAddress } from '@/db/schema';
import type {
  StoredCollectedInformation,
  StoredConsent,
  StoredCustomerDetails,
  StoredCustomField,
  StoredTaxInputs,
} from '@/db/schema/checkout-json';
import { taxLocation } from './automatic-tax';
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
  if (!data.tax_id.business && session.taxIdCollection.required !== 'if_supported') return null;
  return { name: data.tax_id.business_name, taxIds: businessTaxIds(session, country, data.tax_id) };
}

function businessTaxIds(session: SessionRow, country: string | null, taxId: TaxFormPart['tax_id']): { type: string; value: string }[] {
  if (!session.taxIdCollection.enabled || !taxId?.value || !country || !taxIdSupported(country)) return [];
  if (!taxId.business && session.taxIdCollection.required !== 'if_supported') return [];
  const recognized = recognizeTaxId(country, taxId.value);
  return recognized ? [recognized] : [];
}

type TaxPlace = { country: string; state: string | null; postal_code: string | null };
/** What of the pay form automatic tax reads: the validated form, or the fields as typed so far (tax-form.ts). */
export type TaxFormPart = {
  shipping?: TaxPlace | null;
  billing?: TaxPlace | null;
  tax_id?: { business: boolean; value: string | null } | null;
};

/** What decides automatic tax, as the customer typed it: where the order goes (else the billing address) and the business's tax ID. */
export function taxInputsOf(session: SessionRow, data: TaxFormPart): StoredTaxInputs {
  const at = data.shipping ?? data.billing ?? null;
  return { location: taxLocation(at), tax_ids: businessTaxIds(session, at?.country ?? null, data.tax_id) };
}

/** What the customer typed, shaped as the session's customer_details, collected_information, custom_fields and consent. */
export function collectedDetails(
  session: SessionRow,
  data: ConfirmData,
  taxExempt: StoredCustomerDetails['tax_exempt'] = 'none',
): CollectedDetails {
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
      tax_exempt: taxExempt,
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
