import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Queryable } from '../client';
import { customers, paymentMethods, type AllowRedisplay } from '../schema';

export type PaymentMethodRow = typeof paymentMethods.$inferSelect;
export type NewPaymentMethodRow = typeof paymentMethods.$inferInsert;

export async function insertPaymentMethod(db: Queryable, p: NewPaymentMethodRow): Promise<PaymentMethodRow> {
  const [row] = await db.insert(paymentMethods).values(p).returning();
  return row;
}

export async function findPaymentMethod(db: Queryable, p: { accountId: string; id: string }): Promise<PaymentMethodRow | null> {
  const rows = await db
    .select()
    .from(paymentMethods)
    .where(and(eq(paymentMethods.accountId, p.accountId), eq(paymentMethods.id, p.id)))
    .limit(1);
  return rows.at(0) ?? null;
}

/** One of the account's payment methods, locked (FOR UPDATE): attach, detach and update of one method serialize. */
export async function lockPaymentMethod(db: Queryable, p: { accountId: string; id: string }): Promise<PaymentMethodRow | null> {
  const rows = await db
    .select()
    .from(paymentMethods)
    .where(and(eq(paymentMethods.accountId, p.accountId), eq(paymentMethods.id, p.id)))
    .for('update');
  return rows.at(0) ?? null;
}

/** The columns an update may set. */
export type PaymentMethodFields = Partial<Pick<NewPaymentMethodRow, 'card' | 'billingDetails' | 'allowRedisplay' | 'metadata'>>;

export async function updatePaymentMethodFields(
  db: Queryable,
  p: { accountId: string; id: string; set: PaymentMethodFields },
): Promise<PaymentMethodRow> {
  const [row] = await db
    .update(paymentMethods)
    .set(p.set)
    .where(and(eq(paymentMethods.accountId, p.accountId), eq(paymentMethods.id, p.id)))
    .returning();
  return row;
}

/** Attaches a method that belongs to no customer and was never spent; null (nothing written) otherwise. */
export async function attachIfFree(
  db: Queryable,
  p: { accountId: string; id: string; customerId: string },
): Promise<PaymentMethodRow | null> {
  const rows = await db
    .update(paymentMethods)
    .set({ customerId: p.customerId })
    .where(
      and(
        eq(paymentMethods.accountId, p.accountId),
        eq(paymentMethods.id, p.id),
        isNull(paymentMethods.customerId),
        eq(paymentMethods.consumed, false),
      ),
    )
    .returning();
  return rows.at(0) ?? null;
}

/**
 * Detaches a method from the customer it is attached to, for good (a detached method is spent), and
 * clears it as that customer's default; null (nothing written) when it was attached to no one.
 */
export async function detachIfAttached(db: Queryable, p: { accountId: string; id: string }): Promise<PaymentMethodRow | null> {
  const found = await db
    .select({ customerId: paymentMethods.customerId })
    .from(paymentMethods)
    .where(and(eq(paymentMethods.accountId, p.accountId), eq(paymentMethods.id, p.id)));
  const before = found.at(0);
  if (!before?.customerId) return null;
  const rows = await db
    .update(paymentMethods)
    .set({ customerId: null, consumed: true })
    .where(and(eq(paymentMethods.accountId, p.accountId), eq(paymentMethods.id, p.id), eq(paymentMethods.customerId, before.customerId)))
    .returning();
  if (!rows.length) return null;
  await db
    .update(customers)
    .set({ defaultPaymentMethodId: null })
    .where(and(eq(customers.accountId, p.accountId), eq(customers.id, before.customerId), eq(customers.defaultPaymentMethodId, p.id)));
  return rows[0];
}

/**
 * Spends a method no customer owns, as its one use does (Stripe's rule): a conditional update, false when it
 * was attached or already spent meanwhile, so two uses of one unattached method never both go ahead.
 */
export async function spendIfFree(db: Queryable, p: { accountId: string; id: string }): Promise<boolean> {
  const rows = await db
    .update(paymentMethods)
    .set({ consumed: true })
    .where(
      and(
        eq(paymentMethods.accountId, p.accountId),
        eq(paymentMethods.id, p.id),
        isNull(paymentMethods.customerId),
        eq(paymentMethods.consumed, false),
      ),
    )
    .returning({ id: paymentMethods.id });
  return rows.length > 0;
}

/** Detaches every method of a customer being deleted, for good, as Stripe does; the methods as they now are. */
/** A customer's payment methods under their row locks, in id order: deleting the customer takes them before its row. */
export async function lockPaymentMethodsOfCustomer(db: Queryable, p: { accountId: string; customerId: string }): Promise<void> {
  await db
    .select({ id: paymentMethods.id })
    .from(paymentMethods)
    .where(and(eq(paymentMethods.accountId, p.accountId), eq(paymentMethods.customerId, p.customerId)))
    .orderBy(asc(paymentMethods.id))
    .for('update');
}

export async function detachAllOfCustomer(db: Queryable, p: { accountId: string; customerId: string }): Promise<PaymentMethodRow[]> {
  return db
    .update(paymentMethods)
    .set({ customerId: null, consumed: true })
    .where(and(eq(paymentMethods.accountId, p.accountId), eq(paymentMethods.customerId, p.customerId)))
    .returning();
}

/** A customer's saved cards whose allow_redisplay is one of `allow`, newest first: what a checkout page may offer again. */
export async function listRedisplayableCards(
  db: Queryable,
  p: { accountId: string; customerId: string; allow: AllowRedisplay[]; limit: number },
): Promise<PaymentMethodRow[]> {
  if (!p.allow.length) return [];
  return db
    .select()
    .from(paymentMethods)
    .where(
      and(
        eq(paymentMethods.accountId, p.accountId),
        eq(paymentMethods.customerId, p.customerId),
        eq(paymentMethods.type, 'card'),
        inArray(paymentMethods.allowRedisplay, p.allow),
      ),
    )
    .orderBy(desc(paymentMethods.seq))
    .limit(p.limit);
}
