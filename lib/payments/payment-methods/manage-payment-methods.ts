import type { Db, Tx } from '@/db/client';
import { lockLiveCustomer } from '@/db/queries/customers';
import {
  attachIfFree,
  detachIfAttached,
  lockPaymentMethod,
  updatePaymentMethodFields,
  type PaymentMethodRow,
} from '@/db/queries/payment-methods';
import type { AccountScope } from '@/db/scope';
import { invalidRequest, missingParam, noSuchObject } from '@/lib/api/errors';
import { mergeMetadata } from '@/lib/api/params';
import { serializePaymentMethod } from '@/lib/api/serialize/payment-method';
import { previousAttributes, recordEvent } from '@/lib/events/record-event';
import type { PaymentProcessor } from '@/lib/payments/processor';
import { testProcessor } from '@/lib/payments/test-processor';
import { storedAddress } from '@/lib/validation/address';
import type { AttachPaymentMethodParams, UpdatePaymentMethodParams } from '@/lib/validation/payment-methods';
import { paymentMethodInput } from './payment-method-input';

type Scope = AccountScope & { id: string };

const attachedElsewhere = () =>
  invalidRequest('The payment method you provided has already been attached to a customer.', 'payment_method');

const spent = () =>
  invalidRequest(
    'This PaymentMethod was previously used without being attached to a Customer or was detached from a Customer, and may not be used again.',
    'payment_method',
  );

/**
 * Saves a payment method to a customer (a conditional update: one of two concurrent attaches to different
 * customers wins). Attaching it to its own customer again changes nothing; a method of another customer, or
 * one already spent (used without a customer, or detached), is refused as Stripe refuses it.
 */
export async function attachToCustomer(
  tx: Tx,
  p: { accountId: string; method: PaymentMethodRow; customerId: string; request?: AccountScope['request'] },
) {
  if (p.method.customerId === p.customerId) return p.method;
  if (p.method.customerId) throw attachedElsewhere();
  if (p.method.consumed) throw spent();
  const attached = await attachIfFree(tx, { accountId: p.accountId, id: p.method.id, customerId: p.customerId });
  if (!attached) throw attachedElsewhere();
  await recordEvent(tx, {
    accountId: p.accountId,
    type: 'payment_method.attached',
    object: serializePaymentMethod(attached),
    request: p.request,
  });
  return attached;
}

/** POST /v1/payment_methods/:id/attach: to a live customer of the account; `pm_card_*` test methods make a new one. */
export async function attachPaymentMethod(db: Db, scope: Scope, p: AttachPaymentMethodParams, processor: PaymentProcessor = testProcessor) {
  if (!p.customer) throw missingParam('customer');
  const customerId = p.customer;
  return db.transaction(async (tx) => {
    // The method's lock before the customer's, in the order detach takes them (no deadlock between the two).
    const method = await paymentMethodInput(tx, {
      accountId: scope.accountId,
      id: scope.id,
      param: 'payment_method',
      processor,
      now: new Date(),
      check: true,
    });
    const customer = await lockLiveCustomer(tx, { accountId: scope.accountId, id: customerId });
    if (!customer) throw noSuchObject('customer', customerId, 'customer', 400);
    const attached = await attachToCustomer(tx, { accountId: scope.accountId, method, customerId, request: scope.request });
    return serializePaymentMethod(attached);
  });
}

/** POST /v1/payment_methods/:id/detach: the method is spent for good, and no longer its customer's default. */
export async function detachPaymentMethod(db: Db, scope: Scope) {
  return db.transaction(async (tx) => {
    const method = await lockPaymentMethod(tx, scope);
    if (!method) throw noSuchObject('PaymentMethod', scope.id);
    const detached = await detachIfAttached(tx, scope);
    if (!detached)
      throw invalidRequest('The payment method you provided is not attached to a customer so detachment is impossible.', 'payment_method');
    const object = serializePaymentMethod(detached);
    await recordEvent(tx, {
      accountId: scope.accountId,
      type: 'payment_method.detached',
      object,
      previousAttributes: { customer: method.customerId },
      request: scope.request,
    });
    return object;
  });
}

function expiryProblem(month: number, year: number, now: Date) {
  const current = now.getUTCFullYear() * 12 + now.getUTCMonth() + 1;
  if (year * 12 + month < current)
    return year < now.getUTCFullYear()
      ? invalidRequest("Your card's expiration year is invalid.", 'card[exp_year]')
      : invalidRequest("Your card's expiration month is invalid.", 'card[exp_month]');
  return null;
}

function billingDetails(current: PaymentMethodRow['billingDetails'], given: NonNullable<UpdatePaymentMethodParams['billing_details']>) {
  return {
    ...current,
    ...(given.address !== undefined && { address: given.address && storedAddress(given.address) }),
    ...(given.email !== undefined && { email: given.email }),
    ...(given.name !== undefined && { name: given.name }),
    ...(given.phone !== undefined && { phone: given.phone }),
  };
}

/**
 * POST /v1/payment_methods/:id: billing details, a card's new expiry, redisplay consent, metadata. As with
 * Stripe, only a method saved to a customer can be updated.
 */
export async function updatePaymentMethod(db: Db, scope: Scope, p: UpdatePaymentMethodParams, now = new Date()) {
  return db.transaction(async (tx) => {
    const method = await lockPaymentMethod(tx, scope);
    if (!method) throw noSuchObject('PaymentMethod', scope.id);
    if (!method.customerId) throw invalidRequest('You must save this PaymentMethod to a customer before you can update it.');
    if (p.card && !method.card)
      throw invalidRequest(`card can only be updated on a card payment method; ${method.id} is ${method.type}.`, 'card');
    const card =
      method.card && p.card
        ? { ...method.card, exp_month: p.card.exp_month ?? method.card.exp_month, exp_year: p.card.exp_year ?? method.card.exp_year }
        : null;
    if (card) {
      const problem = expiryProblem(card.exp_month, card.exp_year, now);
      if (problem) throw problem;
    }
    const updated = await updatePaymentMethodFields(tx, {
      accountId: scope.accountId,
      id: scope.id,
      set: {
        ...(card && { card }),
        ...(p.billing_details && { billingDetails: billingDetails(method.billingDetails, p.billing_details) }),
        ...(p.allow_redisplay && { allowRedisplay: p.allow_redisplay }),
        metadata: mergeMetadata(method.metadata, p.metadata),
      },
    });
    const before = serializePaymentMethod(method);
    const object = serializePaymentMethod(updated);
    await recordEvent(tx, {
      accountId: scope.accountId,
      type: 'payment_method.updated',
      object,
      previousAttributes: previousAttributes(before, object),
      request: scope.request,
    });
    return object;
  });
}
