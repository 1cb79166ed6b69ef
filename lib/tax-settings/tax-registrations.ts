import type { Db, Queryable } from '@/db/client';
import {
  findOverlappingRegistration,
  insertTaxRegistration,
  lockTaxRegistrationWrites,
  registrationStatusIs,
  updateTaxRegistrationDates,
} from '@/db/queries/tax-registrations';
import { taxRegistrations } from '@/db/schema';
import type { AccountScope } from '@/db/scope';
import { invalidRequest } from '@/lib/api/errors';
import { getTaxRegistrationOrThrow } from '@/lib/api/get-or-throw';
import { listPage } from '@/lib/api/list';
import { serializeTaxRegistration } from '@/lib/api/serialize/tax-registration';
import { newId } from '@/lib/util/ids';
import {
  parseCountryOptions,
  type CreateTaxRegistrationParams,
  type ListTaxRegistrationsParams,
  type UpdateTaxRegistrationParams,
} from '@/lib/validation/tax-registrations';

// Stripe emits no events for tax registrations, and neither does Caisse.

// `now` is kept to the millisecond (the API shows whole seconds): a registration that started `now` can be
// ended `now` by the next request, even within the same second, and is expired from then on.
const at = (v: 'now' | number, now: Date) => (v === 'now' ? now : new Date(v * 1000));

function checkPeriod(activeFrom: Date, expiresAt: Date | null) {
  if (expiresAt && expiresAt <= activeFrom)
    throw invalidRequest('expires_at must be after active_from: a registration cannot end before it starts.', 'expires_at');
}

/** Refuses a period that meets another active or scheduled registration of the same kind. */
async function checkOverlap(
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
    param: string;
  },
) {
  const other = await findOverlappingRegistration(db, p);
  if (!other) return;
  const kind = `${p.country} ${p.type}${p.state ? ` (${p.state})` : ''}`;
  throw invalidRequest(
    `This registration overlaps ${other.id}, an active or scheduled ${kind} registration. Set expires_at on ${other.id}, or make this one start after it expires.`,
    p.param,
  );
}

export async function createTaxRegistration(db: Db, scope: AccountScope, p: CreateTaxRegistrationParams) {
  const parsed = parseCountryOptions(p.country, p.country_options);
  const now = new Date();
  const activeFrom = at(p.active_from, now);
  const expiresAt = p.expires_at === undefined ? null : at(p.expires_at, now);
  checkPeriod(activeFrom, expiresAt);
  return db.transaction(async (tx) => {
    await lockTaxRegistrationWrites(tx, scope);
    const kind = { country: p.country, type: parsed.type, state: parsed.state };
    await checkOverlap(tx, { accountId: scope.accountId, ...kind, activeFrom, expiresAt, now, param: 'country' });
    const row = await insertTaxRegistration(tx, {
      id: newId('taxreg'),
      accountId: scope.accountId,
      ...kind,
      countryOptions: parsed.option,
      activeFrom,
      expiresAt,
    });
    return serializeTaxRegistration(row, now);
  });
}

/** Changes the period only (Stripe's update takes nothing else); `expires_at=` clears the end. */
export async function updateTaxRegistration(db: Db, scope: AccountScope & { id: string }, p: UpdateTaxRegistrationParams) {
  return db.transaction(async (tx) => {
    await lockTaxRegistrationWrites(tx, scope);
    const current = await getTaxRegistrationOrThrow(tx, scope);
    const now = new Date();
    const activeFrom = p.active_from === undefined ? current.activeFrom : at(p.active_from, now);
    const expiresAt = p.expires_at === undefined ? current.expiresAt : p.expires_at === null ? null : at(p.expires_at, now);
    checkPeriod(activeFrom, expiresAt);
    // An expired registration is in nobody's way; any other period must not meet another of its kind.
    if (!(expiresAt && expiresAt <= now))
      await checkOverlap(tx, {
        accountId: scope.accountId,
        country: current.country,
        type: current.type,
        state: current.state,
        activeFrom,
        expiresAt,
        now,
        exceptId: current.id,
        param: p.active_from === undefined ? 'expires_at' : 'active_from',
      });
    const row = await updateTaxRegistrationDates(tx, { accountId: scope.accountId, id: scope.id, activeFrom, expiresAt });
    return serializeTaxRegistration(row, now);
  });
}

export async function retrieveTaxRegistration(db: Queryable, scope: AccountScope & { id: string }) {
  return serializeTaxRegistration(await getTaxRegistrationOrThrow(db, scope));
}

/** Newest first; `status` as of the request (default `all`). */
export async function listTaxRegistrations(db: Queryable, scope: AccountScope, p: ListTaxRegistrationsParams) {
  const now = new Date();
  const { rows, hasMore } = await listPage(db, taxRegistrations, {
    accountId: scope.accountId,
    kind: 'tax registration',
    params: p,
    filters: [p.status === undefined || p.status === 'all' ? undefined : registrationStatusIs(p.status, now)],
  });
  return { data: rows.map((row) => serializeTaxRegistration(row, now)), hasMore };
}
