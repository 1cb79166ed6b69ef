import type { SessionRow } from '@/db/queries/checkout-sessions';
import type { ConfirmData } from '@/lib/validation/checkout-page';

type Address = {
  line1: string | null;
  line2: string | null;
  city: string | null;
  state: string | null;
  postal_code: string | null;
  country: string;
};

const address = (a: Address) => ({
  city: a.city,
  country: a.country,
  line1: a.line1,
  line2: a.line2,
  postal_code: a.postal_code,
  state: a.state,
});

/** What the customer typed, shaped as the session's customer_details, collected_information, custom_fields and consent. */
export function collectedDetails(session: SessionRow, data: ConfirmData) {
  const email = session.customerEmail ?? data.email ?? null;
  const taxId = data.tax_id?.value ? [{ type: 'unknown', value: data.tax_id.value }] : [];
  return {
    customerDetails: {
      address: address(data.billing),
      business_name: null,
      email,
      individual_name: null,
      name: data.billing.name ?? (data.method === 'card' ? data.card.name : data.sepa.name),
      phone: data.phone || null,
      tax_exempt: 'none',
      tax_ids: taxId,
    },
    collectedInformation: {
      business_name: null,
      individual_name: null,
      shipping_details: data.shipping ? { address: address(data.shipping), name: data.shipping.name } : null,
    },
    customFields: (session.customFields as Record<string, unknown>[]).map((f) => {
      const key = f.key as string;
      const type = f.type as 'text' | 'numeric' | 'dropdown';
      const value = (data.custom_fields as Record<string, string | null>)[key] ?? null;
      return { ...f, [type]: { ...(f[type] as object), value } };
    }),
    consent: session.consentCollection
      ? {
          promotions: data.promotions ? 'opt_in' : session.consentCollection.promotions === 'auto' ? 'opt_out' : null,
          terms_of_service: data.terms ? 'accepted' : null,
        }
      : null,
  };
}
