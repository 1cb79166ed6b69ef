import { vi, type Mock } from 'vitest';
import type { PayFormProps } from '@/components/checkout/pay-form';
import { countryOptions } from '@/lib/checkout/country-options';
import type { PayAction } from '@/lib/checkout/page-state';
import { makeConfirmConfig } from '@/lib/checkout/testing/checkout-view';

/** An action that answers nothing to show (as the real one does before it redirects), recording what it was sent. */
export const payActionMock = (): Mock<PayAction> => vi.fn<PayAction>(() => Promise.resolve({ result: null, values: {} }));

/** PayForm's props for a typical card session, as the page passes them; `action` is a vi.fn to assert on. */
export function makePayFormProps(
  overrides: Partial<Omit<PayFormProps, 'action'>> & { action?: Mock<PayAction> } = {},
  locale = 'en',
): PayFormProps & { action: Mock<PayAction> } {
  const countries = countryOptions(['DE', 'FR', 'JP', 'US'], locale);
  return {
    config: makeConfirmConfig(),
    lockedEmail: null,
    customFields: [],
    texts: { submit: null, terms: null, shipping: null, afterSubmit: null },
    countries: { billing: countries, shipping: countries },
    payLabel: 'Pay €25.00',
    merchantName: 'Rocket Rides',
    notice: null,
    challenge: null,
    action: payActionMock(),
    ...overrides,
  };
}

/** The fields a FormData posted, as a plain object (the pay form names them `card.number`, `billing.country`…). */
export const postedFields = (form: FormData) => Object.fromEntries(form.entries());
