'use client';

import { useTranslations } from 'next-intl';
import type { FieldValues, UseFormRegister } from 'react-hook-form';
import type { AddressFormData } from '@/lib/addresses/address-form-data';
import type { CountryOption } from '@/lib/checkout/country-options';
import { AddressFields } from './address-fields';

type Props = {
  /** Where shipping is asked: whether "same as shipping" starts ticked; null where it is not asked. */
  sameAsShipping: boolean | null;
  full: boolean;
  countries: CountryOption[];
  register: UseFormRegister<FieldValues>;
  error: (path: string) => string | null;
  value: (path: string) => string | undefined;
  address: AddressFormData;
  country: string | undefined;
  locale: string;
};

/**
 * The billing address, behind "Billing address is same as shipping" where shipping is asked: on by default, as on
 * Stripe's page, so the customer types one address. Without JavaScript too: CSS on the form reads the box.
 */
export function BillingAddress({ sameAsShipping, address, ...fields }: Props) {
  const t = useTranslations('Address');
  const asked = sameAsShipping !== null;
  return (
    <>
      {asked ? (
        <label className="flex items-start gap-2 text-sm">
          <input
            id="billing-same"
            type="checkbox"
            className="mt-1"
            defaultChecked={sameAsShipping}
            {...fields.register('billing_same')}
            value="true"
          />
          {t('sameAsShipping')}
        </label>
      ) : null}
      <div className={asked ? 'group-has-[#billing-same:checked]:hidden' : ''}>
        <AddressFields
          prefix="billing"
          {...fields}
          rules={address.rules}
          subdivisions={address.subdivisions.billing}
          subdivisionsUrl={address.subdivisionsUrl}
        />
      </div>
    </>
  );
}
