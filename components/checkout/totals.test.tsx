import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeCheckoutView } from '@/lib/checkout/testing/checkout-view';
import { renderCheckout } from '@/components/testing/render';
import { PayLabel } from './pay-label';
import { Totals } from './totals';

/** Intl separates amount and symbol with no-break spaces (U+00A0, U+202F): compare with plain ones. */
const text = (el: HTMLElement) => el.textContent.replace(/\s/g, ' ');
const row = (key: string) => screen.getByTestId(`total-${key}`);
const amountOf = (key: string) => text(within(row(key)).getByRole('definition'));

describe('Totals and the pay button', () => {
  it('a typical EUR session shows its subtotal and total, and no row for what it does not have', () => {
    const view = makeCheckoutView();
    renderCheckout(<Totals view={view} locale="en" />);
    expect(amountOf('subtotal')).toBe('€25.00');
    expect(text(row('due'))).toBe('Total due€25.00');
    expect(screen.queryByTestId('total-discount')).toBeNull();
    expect(screen.queryByTestId('total-shipping')).toBeNull();
    expect(screen.queryByTestId('total-tax')).toBeNull();
    expect(screen.queryByTestId('then-recurring')).toBeNull();
  });

  it('a 100 % discount: the discount row takes it all, the total is zero and the button offers to pay €0.00', () => {
    const view = makeCheckoutView({
      totals: { subtotal: 2500, discount: 2500, shipping: 0, tax: 0, total: 0 },
      discount: { code: 'FREEBIE', name: 'Free', percentOff: '100', amountOff: null, fixedByMerchant: false },
    });
    renderCheckout(
      <>
        <Totals view={view} locale="en" />
        <button type="submit">
          <PayLabel view={view} locale="en" />
        </button>
      </>,
    );
    expect(amountOf('discount')).toBe('−€25.00');
    expect(amountOf('due')).toBe('€0.00');
    expect(screen.getByRole('button').textContent).toBe('Pay €0.00');
  });

  it('a zero-decimal currency (JPY) prints whole yen, without decimals', () => {
    const view = makeCheckoutView({
      currency: 'jpy',
      totals: { subtotal: 1500, discount: 0, shipping: 500, tax: 150, total: 2150 },
      selectedShippingRateId: 'shr_test_standard',
    });
    renderCheckout(
      <>
        <Totals view={view} locale="en" />
        <PayLabel view={view} locale="en" />
      </>,
    );
    expect(amountOf('subtotal')).toBe('¥1,500');
    expect(amountOf('shipping')).toBe('¥500');
    expect(amountOf('tax')).toBe('¥150');
    expect(amountOf('due')).toBe('¥2,150');
    expect(screen.getByText('Pay ¥2,150')).toBeTruthy();
  });

  it('a trial: nothing is due today, the recurring amount follows, and the button starts the trial', () => {
    const view = makeCheckoutView({
      mode: 'subscription',
      trialDays: 14,
      lines: [],
      totals: { subtotal: 0, discount: 0, shipping: 0, tax: 0, total: 0 },
      recurring: { amount: 1000, interval: 'month', intervalCount: 1 },
    });
    renderCheckout(
      <>
        <Totals view={view} locale="en" />
        <PayLabel view={view} locale="en" />
      </>,
    );
    expect(text(row('due'))).toBe('Total due today€0.00');
    expect(text(screen.getByTestId('then-recurring'))).toBe('Then €10.00 / month');
    expect(screen.getByText('Start trial')).toBeTruthy();
  });

  it('a selected free shipping rate reads "Free", not €0.00', () => {
    renderCheckout(<Totals view={makeCheckoutView({ selectedShippingRateId: 'shr_test_free' })} locale="en" />);
    expect(amountOf('shipping')).toBe('Free');
  });

  it('in French, labels and amounts are localized', () => {
    const view = makeCheckoutView({ totals: { subtotal: 2500, discount: 500, shipping: 0, tax: 0, total: 2000 } });
    renderCheckout(
      <>
        <Totals view={view} locale="fr" />
        <PayLabel view={view} locale="fr" />
      </>,
      { locale: 'fr' },
    );
    expect(text(row('subtotal'))).toBe('Sous-total25,00 €');
    expect(text(row('discount'))).toBe('Remise−5,00 €');
    expect(text(row('due'))).toBe('Total dû20,00 €');
    expect(screen.getByText((content) => content.replace(/\s/g, ' ') === 'Payer 20,00 €')).toBeTruthy();
  });

  it('automatic tax: "calculated once you enter your address" until priced, then a row per rate, and the reverse-charge note', () => {
    const pending = makeCheckoutView({ automaticTax: { pending: true, taxes: [] } });
    const { unmount } = renderCheckout(<Totals view={pending} locale="en" />);
    expect(amountOf('tax')).toBe('Calculated once you enter your address');
    unmount();

    const quebec = makeCheckoutView({
      currency: 'cad',
      totals: { subtotal: 1999, discount: 0, shipping: 0, tax: 299, total: 2298 },
      automaticTax: {
        pending: false,
        taxes: [
          { rateId: 'txr_gst', taxType: 'gst', percentage: '5', amount: 100, reason: 'standard_rated' },
          { rateId: 'txr_qst', taxType: 'qst', percentage: '9.975', amount: 199, reason: 'standard_rated' },
        ],
      },
    });
    const second = renderCheckout(<Totals view={quebec} locale="en" />);
    expect(text(row('tax-txr_gst'))).toBe('GST (5%)CA$1.00');
    expect(text(row('tax-txr_qst'))).toBe('QST (9.975%)CA$1.99');
    expect(screen.queryByTestId('reverse-charge')).toBeNull();
    second.unmount();

    const business = makeCheckoutView({
      automaticTax: { pending: false, taxes: [{ rateId: 'txr_rc', taxType: 'vat', percentage: '0', amount: 0, reason: 'reverse_charge' }] },
    });
    renderCheckout(<Totals view={business} locale="en" />);
    expect(text(row('tax-txr_rc'))).toBe('VAT (0%)€0.00');
    expect(screen.getByTestId('reverse-charge').textContent).toBe('Reverse charge: VAT to be accounted for by the recipient.');
  });

  it('adaptive pricing: the total in the customer’s currency, with the seller’s price and the locked rate beside it', () => {
    const view = makeCheckoutView({
      currency: 'jpy',
      totals: { subtotal: 18085, discount: 0, shipping: 0, tax: 0, total: 18085 },
      presentment: { from: 'eur', rate: '180.85', originalTotal: 10000 },
    });
    renderCheckout(<Totals view={view} locale="en" />);
    expect(amountOf('due')).toBe('¥18,085');
    expect(text(screen.getByTestId('presentment'))).toBe(
      'Price set by the seller: €100.001 EUR = 180.85 JPY This exchange rate is fixed for this checkout. Your bank may charge its own fees.',
    );
  });
});
