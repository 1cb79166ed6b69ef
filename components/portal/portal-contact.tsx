import { getTranslations } from 'next-intl/server';
import type { PortalPageView } from '@/lib/billing-portal/portal-page-view';
import { countryOptions } from '@/lib/checkout/country-options';
import { COUNTRY_CODES } from '@/lib/validation/countries';
import { PRIMARY, SECTION, type PortalFormAction } from './styles';

const INPUT = 'mt-1 block w-full rounded-md border border-gray-300 px-3 py-2 text-sm';
const ALL_COUNTRIES = [...COUNTRY_CODES];

/**
 * The customer's contact and billing details: shown, and with features.customer_update a plain form for the
 * fields its allowed_updates name (name, email, phone, billing address).
 */
export async function PortalContact({ page, save }: { page: PortalPageView; save: PortalFormAction }) {
  const t = await getTranslations();
  const { customer, contactEdits } = page;
  const edits = new Set(contactEdits);
  const a = customer.address;
  const text = (id: string, name: string, label: string, value: string | null | undefined, type = 'text', autoComplete?: string) => (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <input id={id} name={name} type={type} autoComplete={autoComplete} defaultValue={value ?? ''} className={INPUT} />
    </div>
  );
  return (
    <section aria-labelledby="portal-contact" className={SECTION} data-testid="portal-contact">
      <h2 id="portal-contact" className="text-base font-semibold">
        {t('Portal.contactTitle')}
      </h2>
      {edits.size === 0 ? (
        <dl className="mt-3 grid grid-cols-[8rem_1fr] gap-y-1 text-sm">
          <dt className="text-gray-600">{t('Portal.name')}</dt>
          <dd>{customer.name ?? '—'}</dd>
          <dt className="text-gray-600">{t('Portal.email')}</dt>
          <dd>{customer.email ?? '—'}</dd>
        </dl>
      ) : (
        <form action={save} className="mt-3 space-y-3" data-testid="portal-contact-form">
          {edits.has('name') ? text('contact-name', 'name', t('Portal.name'), customer.name, 'text', 'name') : null}
          {edits.has('email') ? text('contact-email', 'email', t('Portal.email'), customer.email, 'email', 'email') : null}
          {edits.has('phone') ? text('contact-phone', 'phone', t('Contact.phone'), customer.phone, 'tel', 'tel') : null}
          {edits.has('address') ? (
            <fieldset className="space-y-3">
              <legend className="text-sm font-semibold">{t('Address.billingTitle')}</legend>
              {text('contact-line1', 'address_line1', t('Address.line1'), a?.line1, 'text', 'address-line1')}
              {text('contact-line2', 'address_line2', t('Address.line2'), a?.line2, 'text', 'address-line2')}
              {text('contact-city', 'address_city', t('Address.city'), a?.city, 'text', 'address-level2')}
              {text('contact-state', 'address_state', t('Address.state'), a?.state, 'text', 'address-level1')}
              {text('contact-postal', 'address_postal_code', t('Address.postalCode'), a?.postal_code, 'text', 'postal-code')}
              <div>
                <label htmlFor="contact-country" className="block text-sm font-medium">
                  {t('Address.country')}
                </label>
                <select
                  id="contact-country"
                  name="address_country"
                  defaultValue={a?.country ?? ''}
                  className={INPUT}
                  autoComplete="country"
                >
                  <option value="">{t('Address.chooseCountry')}</option>
                  {countryOptions(ALL_COUNTRIES, page.locale).map((c) => (
                    <option key={c.code} value={c.code}>
                      {c.name}
                    </option>
                  ))}
                </select>
              </div>
            </fieldset>
          ) : null}
          <button type="submit" className={PRIMARY} data-testid="portal-contact-save">
            {t('Portal.saveContact')}
          </button>
        </form>
      )}
    </section>
  );
}
