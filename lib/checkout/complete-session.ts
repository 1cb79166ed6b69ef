import type { Tx } from '@/db/client';
import { updateSessionIfOpen, type SessionRow } from '@/db/queries/checkout-sessions';
import { insertCustomer, updateCustomerFields } from '@/db/queries/customers';
import { settleAttempt, updatePaymentIntentFields, type PaymentIntentRow } from '@/db/queries/payment-intents';
import { findPaymentMethod, insertPaymentMethod } from '@/db/queries/payment-methods';
import { succeedSetupIntentIfStatusIn } from '@/db/queries/setup-intents';
import { clockOfCustomer } from '@/db/queries/test-clocks';
import { serializeCustomer } from '@/lib/api/serialize/customer';
import { startSubscriptionFromSession } from '@/lib/billing/subscriptions/start-from-session';
import { serializePaymentIntent } from '@/lib/api/serialize/payment-intent';
import { serializePaymentMethod } from '@/lib/api/serialize/payment-method';
import { serializeSetupIntent } from '@/lib/api/serialize/setup-intent';
import { recordEvent } from '@/lib/events/record-event';
import type { StoredBillingDetails } from '@/db/schema';
import type { StoredCard } from '@/lib/payments/processor';
import { recordCharge, type ChargeFollowUp } from '@/lib/payments/record-charge';
import type { PendingDebit, StoredSepaDebit } from '@/lib/payments/test-sepa';
import { queueReceipt } from '@/lib/receipts/queue-receipt';
import { newId } from '@/lib/util/ids';
import { enrollPassOnCompletion, passOffered } from '@/lib/pass/pass-checkout';
import { sessionObject } from './session-reads';
import { makeCardTheDefault } from '@/lib/billing-portal/portal-default-card';
import { addCustomerTaxIds } from '@/lib/customers/customer-tax-ids';

/** customer_update: what the customer typed replaces the existing customer's name, address or shipping. */
async function updateExistingCustomer(tx: Tx, session: SessionRow) {
  const u = session.customerUpdate;
  if (!u || !session.customerId) return;
  const d = session.customerDetails;
  const shipping = session.collectedInformation?.shipping_details;
  // A business purchase names the customer after the business, as Stripe's Checkout does.
  const name = d?.business_name ?? d?.name;
  const set = {
    ...(u.name === 'auto' && name ? { name } : {}),
    ...(u.address === 'auto' && d?.address ? { address: d.address } : {}),
    // The page asks for the shipping name whenever it asks for the address.
    ...(u.shipping === 'auto' && shipping?.name
      ? { shipping: { name: shipping.name, address: shipping.address, phone: d?.phone ?? null } }
      : {}),
  };
  if (Object.keys(set).length) await updateCustomerFields(tx, { accountId: session.accountId, id: session.customerId, set });
}

async function ensureCustomer(tx: Tx, session: SessionRow): Promise<string | null> {
  if (session.customerId) {
    await updateExistingCustomer(tx, session);
    return session.customerId;
  }
  // Stripe's rule: subscription mode always has a customer; payment and setup mode only with customer_creation=always.
  const wants = session.mode === 'subscription' || session.customerCreation === 'always';
  if (!wants) return null;
  const d = session.customerDetails;
  const shipping = session.collectedInformation?.shipping_details;
  const row = await insertCustomer(tx, {
    id: newId('cus'),
    accountId: session.accountId,
    email: d?.email ?? null,
    name: d?.business_name ?? d?.name ?? null,
    phone: d?.phone ?? null,
    address: d?.address ?? null,
    // Where the goods go is where automatic tax places the customer on their later invoices, as at checkout.
    shipping: shipping?.name ? { name: shipping.name, address: shipping.address, phone: d?.phone ?? null } : null,
  });
  await recordEvent(tx, { accountId: session.accountId, type: 'customer.created', object: serializeCustomer(row) });
  return row.id;
}

/** Whether the method is (still) saved to this customer. */
async function stillTheCustomers(tx: Tx, accountId: string, paymentMethodId: string | null, customerId: string): Promise<boolean> {
  if (!paymentMethodId) return false;
  return (await findPaymentMethod(tx, { accountId, id: paymentMethodId }))?.customerId === customerId;
}

/**
 * Whether the session saves its payment method to its customer, as Stripe's Checkout does: subscriptions and
 * setups always, a payment when `payment_intent_data.setup_future_usage` asks for it.
 */
function savedForLater(session: SessionRow): boolean {
  return session.mode !== 'payment' || !!session.paymentIntentData?.setup_future_usage;
}

/**
 * How the payment was made: a card that was charged (or only authorized, for manual capture), or a bank
 * debit still on its way (`pending`); `followUp` is what the processor said of the charge it accepted.
 */
type CompletingPayment = {
  intent: PaymentIntentRow;
  card: StoredCard | null;
  sepaDebit?: StoredSepaDebit;
  pending?: PendingDebit;
  followUp?: ChargeFollowUp;
  /** what the processor keeps to charge this method again off-session */
  reusable?: Record<string, string>;
};

/**
 * A pending debit completes the session unpaid; its money arrives later (lib/checkout/async-payment-sweep.ts).
 * A card payment with capture_method=manual is only authorized: the merchant captures it later.
 */
function intentOutcome(p: CompletingPayment) {
  if (p.pending && p.intent.amount > 0) return { status: 'processing' as const, amountReceived: 0, processorState: p.pending };
  if (p.intent.captureMethod === 'manual' && p.intent.amount > 0)
    return { status: 'requires_capture' as const, amountReceived: 0, processorState: null };
  return { status: 'succeeded' as const, amountReceived: p.intent.amount, processorState: null };
}

const paymentStatus = (charged: boolean, status: PaymentIntentRow['status']) =>
  !charged ? ('no_payment_required' as const) : status === 'succeeded' ? ('paid' as const) : ('unpaid' as const);

/**
 * open → complete, once (T2 in payment-state.ts): on the locked session, and only while the intent
 * is still processing this payment's attempt, with the customer, payment method, subscription,
 * redemption and events it brings, all in the caller's transaction. Returns null, having written
 * nothing, when the session was no longer open or the attempt no longer the intent's.
 */
export async function completeSession(tx: Tx, session: SessionRow, payment: CompletingPayment, now = new Date()) {
  if (session.status !== 'open' || !payment.intent.attemptId) return null;
  // The reservation becomes the redemption; a debit's attempt ends here, its money follows later.
  const settled = await settleAttempt(
    tx,
    { id: payment.intent.id, attemptId: payment.intent.attemptId },
    { ...intentOutcome(payment), reservedDiscount: null, attemptStartedAt: null, nextAction: null },
  );
  if (!settled) return null;
  const customerId = await ensureCustomer(tx, session);
  const d = session.customerDetails;
  // The business's tax ID (tax_id_collection) joins the customer's tax IDs, as on Stripe.
  if (customerId && d?.tax_ids.length)
    await addCustomerTaxIds(tx, { accountId: session.accountId }, { customerId, taxIds: d.tax_ids, now });
  const billingDetails: StoredBillingDetails = {
    address: d?.address ?? null,
    email: d?.email ?? null,
    name: d?.name ?? null,
    phone: d?.phone ?? null,
    tax_id: null,
  };
  // A saved card the customer chose on the page is already theirs; a new card or account is saved here.
  let paymentMethodId: string | null = payment.intent.paymentMethodId;
  if (!paymentMethodId && (payment.card || payment.sepaDebit)) {
    const attachTo = savedForLater(session) || session.savePaymentMethod ? customerId : null;
    paymentMethodId = newId('pm');
    const method = await insertPaymentMethod(tx, {
      id: paymentMethodId,
      accountId: session.accountId,
      type: payment.card ? 'card' : 'sepa_debit',
      customerId: attachTo,
      card: payment.card,
      sepaDebit: payment.sepaDebit ?? null,
      billingDetails,
      processorState: payment.reusable ?? null,
      // Shown again on later pages only with the customer's consent; saved without it, only the merchant's flows reuse it.
      allowRedisplay: attachTo ? (session.savePaymentMethod ? 'always' : 'limited') : 'unspecified',
      // A setup session's method waits to be attached by the merchant; a payment's, unsaved, is spent.
      consumed: !attachTo && session.mode !== 'setup',
    });
    if (attachTo)
      await recordEvent(tx, { accountId: session.accountId, type: 'payment_method.attached', object: serializePaymentMethod(method) });
  }
  // "Save my details with Caisse Pass", ticked with the card just charged.
  if (passOffered(session))
    await enrollPassOnCompletion(tx, session, {
      card: payment.card,
      reusable: payment.reusable,
      savedCard: payment.intent.paymentMethodId !== null,
    });
  // A setup session's SetupIntent succeeds with the method it saved (attached to the customer, if the session has one).
  const setupIntent =
    session.mode === 'setup'
      ? await succeedSetupIntentIfStatusIn(tx, {
          checkoutSessionId: session.id,
          from: ['requires_payment_method', 'requires_action', 'processing'],
          paymentMethodId,
          customerId,
        })
      : null;
  let intent = await updatePaymentIntentFields(tx, {
    accountId: settled.accountId,
    id: settled.id,
    set: { customerId, paymentMethodId, card: payment.card, sepaDebit: payment.sepaDebit ?? null },
  });
  const charged = intent.amount > 0;
  if (charged)
    ({ intent } = await recordCharge(tx, {
      intent,
      billingDetails,
      followUp: payment.followUp ?? { chargeState: null, dispute: null },
      now,
    }));
  const clock =
    session.mode === 'subscription' && customerId ? await clockOfCustomer(tx, { accountId: session.accountId, customerId }) : null;
  const started =
    session.mode === 'subscription' && customerId
      ? await startSubscriptionFromSession(tx, {
          session,
          customerId,
          // A saved card detached while it was being charged paid this time, but is nobody's default (a card just
          // saved above is the customer's: no need to read it back).
          paymentMethodId:
            !payment.intent.paymentMethodId || (await stillTheCustomers(tx, session.accountId, paymentMethodId, customerId))
              ? paymentMethodId
              : null,
          intent: charged ? intent : null,
          // A customer on a test clock lives at the clock's time: the subscription starts then.
          testClockId: clock?.id ?? null,
          now: clock?.frozenTime ?? now,
        })
      : null;
  if (started && charged)
    intent = await updatePaymentIntentFields(tx, { accountId: intent.accountId, id: intent.id, set: { invoiceId: started.invoice.id } });
  const completed = await updateSessionIfOpen(tx, {
    id: session.id,
    set: {
      status: 'complete',
      paymentStatus: paymentStatus(charged, intent.status),
      completedAt: now,
      customerId,
      subscriptionId: started?.subscription.id ?? null,
      invoiceId: started?.invoice.id ?? null,
      paymentIntentId: charged ? intent.id : null,
    },
  });
  // The session is locked and was open: anything else is a broken caller, and nothing of this may stay.
  if (!completed) throw new Error(`completeSession: session ${session.id} was not open under its lock`);
  if (charged && intent.status === 'processing')
    await recordEvent(tx, { accountId: session.accountId, type: 'payment_intent.processing', object: serializePaymentIntent(intent) });
  else if (charged && intent.status === 'succeeded')
    await recordEvent(tx, { accountId: session.accountId, type: 'payment_intent.succeeded', object: serializePaymentIntent(intent) });
  if (setupIntent)
    await recordEvent(tx, { accountId: session.accountId, type: 'setup_intent.succeeded', object: serializeSetupIntent(setupIntent) });
  await recordEvent(tx, { accountId: session.accountId, type: 'checkout.session.completed', object: sessionObject(completed) });
  // The portal's "Add a card": the card just saved pays the customer's invoices and subscriptions from now on.
  if (session.portalSessionId && session.mode === 'setup' && customerId && paymentMethodId)
    await makeCardTheDefault(tx, { accountId: session.accountId, customerId, paymentMethodId });
  await queueReceipt(tx, completed);
  return completed;
}
