import { describe, expect, it } from 'vitest';
import type { SetupIntentRow } from '@/db/queries/setup-intents';
import { serializeSetupIntent } from './setup-intent';

const row = (over: Partial<SetupIntentRow> = {}): SetupIntentRow => ({
  id: 'seti_1',
  seq: 1,
  accountId: 'acct_1',
  livemode: false,
  metadata: { plan: 'gold' },
  createdAt: new Date('2026-01-02T03:04:05Z'),
  status: 'requires_payment_method',
  customerId: 'cus_1',
  paymentMethodId: null,
  description: 'Card for renewals',
  usage: 'off_session',
  paymentMethodTypes: ['card'],
  lastSetupError: null,
  checkoutSessionId: 'cs_test_1',
  canceledAt: null,
  ...over,
});

describe('serializeSetupIntent', () => {
  it("shows a session's SetupIntent as Stripe does: no client secret, attempt or next action; card options", () => {
    expect(serializeSetupIntent(row())).toMatchObject({
      id: 'seti_1',
      object: 'setup_intent',
      created: 1767323045,
      status: 'requires_payment_method',
      customer: 'cus_1',
      description: 'Card for renewals',
      metadata: { plan: 'gold' },
      usage: 'off_session',
      client_secret: null,
      latest_attempt: null,
      next_action: null,
      cancellation_reason: null,
      payment_method: null,
      payment_method_types: ['card'],
      payment_method_options: { card: { mandate_options: null, network: null, request_three_d_secure: 'automatic' } },
    });
  });

  it('waiting on a 3-D Secure challenge, its next action is the one a payment intent shows', () => {
    expect(serializeSetupIntent(row({ status: 'requires_action' })).next_action).toEqual({
      type: 'use_stripe_sdk',
      use_stripe_sdk: { type: 'three_d_secure_redirect' },
    });
  });

  it('a canceled intent was abandoned with its session (the only way Caisse cancels one)', () => {
    const s = serializeSetupIntent(row({ status: 'canceled', canceledAt: new Date() }));
    expect(s).toMatchObject({ status: 'canceled', cancellation_reason: 'abandoned' });
    // Stripe's SetupIntent has no canceled_at: the row keeps it, the object does not show it.
    expect(s).not.toHaveProperty('canceled_at');
  });

  it('options follow the types the session offers', () => {
    expect(serializeSetupIntent(row({ paymentMethodTypes: ['card', 'sepa_debit'] })).payment_method_options).toEqual({
      card: { mandate_options: null, network: null, request_three_d_secure: 'automatic' },
      sepa_debit: {},
    });
    expect(serializeSetupIntent(row({ paymentMethodTypes: ['sepa_debit'] })).payment_method_options).toEqual({ sepa_debit: {} });
  });
});
