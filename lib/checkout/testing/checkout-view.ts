import type { PageLine, PageView } from '@/lib/checkout/page-view';
import { plainConfirmConfig, plainPageLine, plainPageView } from '@/lib/checkout/plain-page-view';
import type { ConfirmConfig } from '@/lib/validation/checkout-page';

/**
 * Factories for the hosted page's component tests: a complete page view of a typical open EUR
 * session (one T-shirt at €25.00, card payment, no extras), so each test states only what matters.
 * Amounts are the server's: overriding `totals` does not recompute anything.
 */

/** One selected line item: €25.00, quantity 1, not adjustable. */
export function makePageLine(overrides: Partial<PageLine> = {}): PageLine {
  return { ...plainPageLine('li_test_tshirt', 'T-shirt', 2500, 1), ...overrides };
}

export function makeCheckoutView(overrides: Partial<PageView> = {}): PageView {
  return {
    ...plainPageView({
      id: 'cs_test_a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6',
      currency: 'eur',
      merchant: { name: 'Rocket Rides', logoUrl: null },
      lines: [makePageLine()],
    }),
    successUrl: 'https://shop.example/success?session_id={CHECKOUT_SESSION_ID}',
    cancelUrl: 'https://shop.example/cart',
    ...overrides,
  };
}

/** The pay form of that session, as confirmConfigFor builds it: card only, email typed, billing country and postal code. */
export function makeConfirmConfig(overrides: Partial<ConfirmConfig> = {}): ConfirmConfig {
  return { ...plainConfirmConfig(), ...overrides };
}
