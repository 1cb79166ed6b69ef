import type { Db } from '@/db/client';
import { getAccountAllowlists } from '@/db/queries/account-allowlists';
import { findCustomer } from '@/db/queries/customers';
import { insertPaymentIntent, type PaymentIntentRow } from '@/db/queries/payment-intents';
import type { AccountScope } from '@/db/scope';
import { invalidRequest, missingParam, noSuchObject } from '@/lib/api/errors';
import { initialMetadata } from '@/lib/api/params';
import { serializePaymentIntent } from '@/lib/api/serialize/payment-intent';
import { assertChargeableAmount } from '@/lib/catalog/amounts';
import { checkRedirectUrls } from '@/lib/checkout/session-rules';
import { recordEvent } from '@/lib/events/record-event';
import type { PaymentProcessor } from '@/lib/payments/processor';
import { testProcessor } from '@/lib/payments/test-processor';
import { newId } from '@/lib/util/ids';
import type { CreatePaymentIntentParams } from '@/lib/validation/payment-intents';
import { confirmPaymentIntent } from './confirm-payment-intent';
import { offSessionNeedsConfirm } from './intent-errors';
import { usablePaymentMethod } from './usable-payment-method';

function checkRules(p: CreatePaymentIntentParams): asserts p is CreatePaymentIntentParams & { amount: number; currency: string } {
  if (p.amount === undefined) throw missingParam('amount');
  if (p.currency === undefined) throw missingParam('currency');
  assertChargeableAmount(p.amount, p.currency, 'amount');
  if (p.off_session !== undefined && !p.confirm) throw offSessionNeedsConfirm();
  if (p.automatic_payment_methods && p.payment_method_types)
    throw invalidRequest(
      'You may only specify one of these parameters: automatic_payment_methods, payment_method_types.',
      'automatic_payment_methods',
      'parameters_exclusive',
    );
}

/**
 * POST /v1/payment_intents: a card payment made by the merchant's server, most often with a card saved to
 * the customer (or one of Stripe's `pm_card_*` test methods). It waits for a payment method or for its
 * confirmation; with confirm=true it is confirmed at once (confirm-payment-intent.ts), and a decline is a
 * 402 carrying the intent, which stays in `requires_payment_method`.
 */
export async function createPaymentIntent(
  db: Db,
  scope: AccountScope,
  p: CreatePaymentIntentParams,
  opts: { processor?: PaymentProcessor; now?: Date } = {},
) {
  checkRules(p);
  const processor = opts.processor ?? testProcessor;
  const now = opts.now ?? new Date();
  const created: PaymentIntentRow = await db.transaction(async (tx) => {
    // The account's allowed redirect domains, once set, bound where a challenge sends the customer back.
    checkRedirectUrls({ return_url: p.return_url }, (await getAccountAllowlists(tx, scope)).allowedRedirectDomains);
    const customerId = p.customer ?? null;
    if (customerId && !(await findCustomer(tx, { accountId: scope.accountId, id: customerId })))
      throw noSuchObject('customer', customerId, 'customer', 400);
    const method = p.payment_method
      ? await usablePaymentMethod(tx, { accountId: scope.accountId, id: p.payment_method, customerId, processor, now })
      : null;
    const inserted = await insertPaymentIntent(tx, {
      id: newId('pi'),
      accountId: scope.accountId,
      amount: p.amount,
      currency: p.currency,
      status: method ? 'requires_confirmation' : 'requires_payment_method',
      customerId,
      description: p.description ?? null,
      receiptEmail: p.receipt_email ?? null,
      setupFutureUsage: p.setup_future_usage ?? null,
      captureMethod: p.capture_method ?? 'automatic',
      paymentMethodId: method?.id ?? null,
      card: method?.card ?? null,
      metadata: initialMetadata(p.metadata),
      createdAt: now,
    });
    await recordEvent(tx, {
      accountId: scope.accountId,
      type: 'payment_intent.created',
      object: serializePaymentIntent(inserted),
      request: scope.request,
    });
    return inserted;
  });
  if (!p.confirm) return serializePaymentIntent(created);
  return confirmPaymentIntent(
    db,
    { ...scope, id: created.id },
    {
      off_session: p.off_session,
      error_on_requires_action: p.error_on_requires_action,
      return_url: p.return_url,
      use_stripe_sdk: p.use_stripe_sdk,
    },
    { processor, now },
  );
}
