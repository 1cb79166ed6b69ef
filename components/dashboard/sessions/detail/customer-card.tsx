import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import type { SessionDetail } from '@/lib/dashboard/session-detail';
import { AddressLines, DetailList } from './detail-list';

type Address = {
  line1?: string | null;
  line2?: string | null;
  city?: string | null;
  state?: string | null;
  postal_code?: string | null;
  country?: string | null;
};
type CustomerDetails = {
  email?: string | null;
  name?: string | null;
  phone?: string | null;
  address?: Address | null;
  tax_ids?: { type: string; value: string }[] | null;
};
type ShippingDetails = { name?: string | null; address?: Address | null };
type CustomField = {
  key: string;
  type: 'text' | 'numeric' | 'dropdown';
  label?: { custom?: string | null };
  text?: { value?: string | null };
  numeric?: { value?: string | null };
  dropdown?: { value?: string | null; options?: { label: string; value: string }[] };
};

/** What the customer gave: contact, billing address, tax ids; shipping and rate; custom fields; consent. */
export async function CustomerCard({ detail }: { detail: SessionDetail }) {
  const t = await getTranslations('Dashboard.sessions.detail');
  const { session } = detail;
  const customer = session.customer_details as CustomerDetails | null;
  const shipping = (session.collected_information as { shipping_details?: ShippingDetails | null } | null)?.shipping_details ?? null;
  const fields = (session.custom_fields as CustomField[]).flatMap((f) => {
    const value = f[f.type]?.value;
    return value ? [{ f, value }] : [];
  });
  const consent = session.consent as { promotions?: string | null; terms_of_service?: string | null } | null;
  const consentLabel = (v: string | null | undefined) =>
    t(`consent_value.${v === 'accepted' || v === 'opt_in' || v === 'opt_out' ? v : 'none'}`);
  const email = customer?.email ?? session.customer_email;
  return (
    <Card title={t('customer')}>
      {customer || email ? (
        <DetailList
          testId="customer-details"
          items={[
            [t('email'), email],
            [t('name'), customer?.name],
            [t('phone'), customer?.phone],
            [t('address'), <AddressLines key="a" address={customer?.address} />],
            [t('tax_ids'), customer?.tax_ids?.length ? customer.tax_ids.map((id) => id.value).join(', ') : null],
          ]}
        />
      ) : (
        <p className="text-sm text-[var(--ck-muted)]">{t('no_customer')}</p>
      )}
      {shipping || detail.shippingRateName ? (
        <>
          <h3 className="mb-2 mt-4 font-semibold">{t('shipping_details')}</h3>
          <DetailList
            testId="shipping-details"
            items={[
              [t('shipping_rate'), detail.shippingRateName],
              [
                t('ship_to'),
                shipping ? (
                  <span key="s" className="block">
                    {shipping.name}
                    <AddressLines address={shipping.address} />
                  </span>
                ) : null,
              ],
            ]}
          />
        </>
      ) : null}
      {fields.length > 0 ? (
        <>
          <h3 className="mb-2 mt-4 font-semibold">{t('custom_fields')}</h3>
          <DetailList
            testId="custom-fields"
            items={fields.map(({ f, value }) => {
              const shown = f.type === 'dropdown' ? (f.dropdown?.options?.find((o) => o.value === value)?.label ?? value) : value;
              return [f.label?.custom ?? f.key, shown];
            })}
          />
        </>
      ) : null}
      {consent ? (
        <>
          <h3 className="mb-2 mt-4 font-semibold">{t('consent')}</h3>
          <DetailList
            testId="consent"
            items={[
              [t('terms_of_service'), consentLabel(consent.terms_of_service)],
              [t('promotions'), consentLabel(consent.promotions)],
            ]}
          />
        </>
      ) : null}
    </Card>
  );
}
