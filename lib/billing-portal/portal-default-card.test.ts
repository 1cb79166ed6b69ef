import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findCustomer } from '@/db/queries/customers';
import { findPaymentMethod } from '@/db/queries/payment-methods';
import { findSubscription } from '@/db/queries/subscriptions';
import { ApiError } from '@/lib/api/errors';
import { subscribe } from '@/lib/billing/testing/subscribed';
import { useCheckoutDatabase } from '@/lib/checkout/testing/checkout-db';
import { attachPaymentMethod, detachPaymentMethod } from '@/lib/payments/payment-methods/manage-payment-methods';
import { eventsOf } from '@/lib/payments/testing/paid-charge';
import { present } from '@/lib/util/present';
import { deleteCustomer, updateCustomer } from '@/lib/customers/customers';
import { makeCardTheDefault } from './portal-default-card';

const db = useCheckoutDatabase('caisse_portal_default_card');

const PAID_AT = new Date('2026-03-10T09:00:00Z');

/** A customer with two live subscriptions (each paying with the card it was bought with) and one more saved card. */
async function customerWithTwoSubscriptions() {
  const first = await subscribe(db(), { now: PAID_AT });
  const { accountId } = first.shop;
  const customerId = present((await findSubscription(db(), { accountId, id: first.subscriptionId }))?.customerId, 'customer');
  const second = await subscribe(db(), { now: PAID_AT, shop: first.shop, customer: customerId });
  const spare = await attachPaymentMethod(db(), { accountId, id: 'pm_card_mastercard' }, { customer: customerId });
  const subscriptionIds = [first.subscriptionId, second.subscriptionId];
  const cardsOfSubscriptions = await Promise.all(
    subscriptionIds.map(async (id) => present((await findSubscription(db(), { accountId, id }))?.defaultPaymentMethodId, 'its card')),
  );
  return { accountId, customerId, subscriptionIds, cards: [...cardsOfSubscriptions, spare.id] };
}

type World = Awaited<ReturnType<typeof customerWithTwoSubscriptions>>;

const makeDefault = (w: World, card: string) =>
  db().transaction((tx) => makeCardTheDefault(tx, { accountId: w.accountId, customerId: w.customerId, paymentMethodId: card }));

async function defaults(w: World) {
  const customer = present(await findCustomer(db(), { accountId: w.accountId, id: w.customerId, includeDeleted: true }), 'customer');
  const subscriptions = await Promise.all(
    w.subscriptionIds.map(async (id) => present(await findSubscription(db(), { accountId: w.accountId, id }), 'subscription')),
  );
  return {
    customer: customer.defaultPaymentMethodId,
    deleted: customer.deletedAt !== null,
    subscriptions: subscriptions.map((s) => s.defaultPaymentMethodId),
  };
}

/**
 * The API's refusals (a card detached between the check and the customer's update, a card detached twice) are
 * answers; anything else (a deadlock, a constraint broken) fails the test.
 */
const refusedOnly = (e: unknown) => {
  if (e instanceof ApiError) return null;
  throw e;
};

describe('makeCardTheDefault', () => {
  it('the card becomes the customer’s default and each live subscription’s, with one event each', async () => {
    const w = await customerWithTwoSubscriptions();
    const before = (await eventsOf(db(), w.accountId)).length;
    expect(await makeDefault(w, w.cards[2])).toBe(true);
    expect(await defaults(w)).toEqual({ customer: w.cards[2], deleted: false, subscriptions: [w.cards[2], w.cards[2]] });
    const events = (await eventsOf(db(), w.accountId)).slice(before).map((e) => e.type);
    expect(events.sort()).toEqual(['customer.subscription.updated', 'customer.subscription.updated', 'customer.updated']);
  });

  it('another customer’s card or a detached one → false, and nothing is written', async () => {
    const w = await customerWithTwoSubscriptions();
    const other = await customerWithTwoSubscriptions();
    const was = await defaults(w);
    const before = (await eventsOf(db(), w.accountId)).length;
    expect(await makeDefault(w, other.cards[2])).toBe(false);
    await detachPaymentMethod(db(), { accountId: w.accountId, id: w.cards[2] });
    const afterDetach = (await eventsOf(db(), w.accountId)).length;
    expect(afterDetach).toBe(before + 1);
    expect(await makeDefault(w, w.cards[2])).toBe(false);
    expect(await defaults(w)).toEqual(was);
    expect((await eventsOf(db(), w.accountId)).length).toBe(afterDetach);
  });

  // Several "Make default" (and a card removed, the customer deleted) at once, as two browser tabs, a portal and the
  // API would: every one settles (no deadlock, no error escapes), the customer's default is never a detached card,
  // and while it names a card, every live subscription names the same one (the last change wins everywhere).
  // Each run builds a customer with two subscriptions: on a busy machine that takes minutes, hence the long timeouts.
  it('concurrent changes, removals and a deletion: all settle, and the customer and their subscriptions agree on a live card', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 2 }),
        fc.array(
          fc.oneof(
            fc.record({ make: fc.integer({ min: 0, max: 2 }) }),
            fc.record({ detach: fc.integer({ min: 0, max: 2 }) }),
            fc.constant({ deleteCustomer: true as const }),
          ),
          { maxLength: 4 },
        ),
        async (first, rest) => {
          const w = await customerWithTwoSubscriptions();
          const ops = [{ make: first }, ...rest];
          const outcomes = await Promise.allSettled(
            ops.map((op) =>
              'make' in op
                ? makeDefault(w, w.cards[op.make]).catch(refusedOnly)
                : 'detach' in op
                  ? detachPaymentMethod(db(), { accountId: w.accountId, id: w.cards[op.detach] }).catch(refusedOnly)
                  : deleteCustomer(db(), { accountId: w.accountId, id: w.customerId }).catch(refusedOnly),
            ),
          );
          expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);
          const after = await defaults(w);
          if (after.customer && !after.deleted) {
            const card = present(await findPaymentMethod(db(), { accountId: w.accountId, id: after.customer }), 'the default');
            expect(card.customerId).toBe(w.customerId);
            expect(after.subscriptions).toEqual([after.customer, after.customer]);
          }
        },
      ),
      { numRuns: 12 },
    );
  }, 300_000);

  // The same race through the API: POST /v1/customers/:id naming a card as the default while it is detached.
  it('POST /v1/customers/:id setting a default while that card is detached never leaves a detached card as the default', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 2 }), fc.boolean(), async (card, detachFirst) => {
        const w = await customerWithTwoSubscriptions();
        const scope = { accountId: w.accountId, id: w.customerId };
        const update = () =>
          updateCustomer(db(), scope, { invoice_settings: { default_payment_method: w.cards[card] } }).catch(refusedOnly);
        const detach = () => detachPaymentMethod(db(), { accountId: w.accountId, id: w.cards[card] }).catch(refusedOnly);
        const outcomes = await Promise.allSettled(detachFirst ? [detach(), update()] : [update(), detach()]);
        expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);
        expect((await defaults(w)).customer).toBeNull();
      }),
      { numRuns: 10 },
    );
  }, 300_000);
});
