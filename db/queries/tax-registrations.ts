import { and, eq, gt, isNull, lt, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../client';
import { taxRegistrations } from '../schema';

export type TaxRegistrationRow = typeof taxRegistrations.$inferSelect;
export type NewTaxRegistrationRow = typeof taxRegistrations.$inferInsert;

export async function findTaxRegistration(db: Queryable, p: { accountId: string; id: string }): Promise<TaxRegistrationRow | null> {
  const rows = await db
    .select()
    .from(taxRegistrations)
    .where(and(eq(taxRegistrations.accountId, p.accountId), eq(taxRegistrations.id, p.id)))
    .limit(1);
  return rows.at(0) ?? null;
}

export async function insertTaxRegistration(db: Queryable, p: NewTaxRegistrationRow): Promise<TaxRegistrationRow> {
  const [row] = await db.insert(taxRegistrations).values(p).returning();
  return row;
}

export async function updateTaxRegistrationDates(
  db: Queryable,
  p: { accountId: string; id: string; activeFrom: Date; expiresAt: Date | null },
): Promise<TaxRegistrationRow> {
  const [row] = await db
    .update(taxRegistrations)
    .set({ activeFrom: p.activeFrom, expiresAt: p.expiresAt })
    .where(and(eq(taxRegistrations.accountId, p.accountId), eq(taxRegistrations.id, p.id)))
    .returning();
  return row;
}

/** Queues the account's registration writes behind one another until the transaction ends, so two overlapping ones cannot both pass the check. */
export async function lockTaxRegistrationWrites(db: Queryable, p: { accountId: string }): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`tax_registrations:${p.accountId}`}))`);
}

export type RegistrationStatusFilter = 'active' | 'scheduled' | 'expired';

/** The SQL form of a registration's status at `at` (as lib/tax-settings/registration-status.ts computes it). */
export function registrationStatusIs(status: RegistrationStatusFilter, at: Date): SQL {
  const t = taxRegistrations;
  if (status === 'scheduled') return gt(t.activeFrom, at);
  if (status === 'expired') return and(lte(t.activeFrom, at), lte(t.expiresAt, at)) as SQL;
  return and(lte(t.activeFrom, at), or(isNull(t.expiresAt), gt(t.expiresAt, at))) as SQL;
}

/**
 * The account's registrations of one kind (country, type, and US state or Canadian province) that are
 * active or scheduled at `now` and whose period [activeFrom, expiresAt) meets the one given.
 */
export async function findOverlappingRegistration(
  db: Queryable,
  p: {
    accountId: string;
    country: string;
    type: string;
    state: string | null;
    activeFrom: Date;
    expiresAt: Date | null;
    now: Date;
    exceptId?: string;
  },
): Promise<TaxRegistrationRow | null> {
  const t = taxRegistrations;
  const rows = await db
    .select()
    .from(t)
    .where(
      and(
        eq(t.accountId, p.accountId),
        eq(t.country, p.country),
        eq(t.type, p.type),
        p.state === null ? isNull(t.state) : eq(t.state, p.state),
        p.exceptId === undefined ? undefined : ne(t.id, p.exceptId),
        // Not expired now…
        or(isNull(t.expiresAt), gt(t.expiresAt, p.now)),
        // …and the two periods meet.
        or(isNull(t.expiresAt), gt(t.expiresAt, p.activeFrom)),
        p.expiresAt === null ? undefined : lt(t.activeFrom, p.expiresAt),
      ),
    )
    .orderBy(t.seq)
    .limit(1);
  return rows.at(0) ?? null;
}

/** The account's registrations active at `at`, oldest first. */
export async function listRegistrationsActiveAt(db: Queryable, p: { accountId: string; at: Date }): Promise<TaxRegistrationRow[]> {
  return db
    .select()
    .from(taxRegistrations)
    .where(and(eq(taxRegistrations.accountId, p.accountId), registrationStatusIs('active', p.at)))
    .orderBy(taxRegistrations.seq);
}
