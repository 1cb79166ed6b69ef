import { isNull } from 'drizzle-orm';
import type { Db, Queryable } from '@/db/client';
import { insertCoupon, softDeleteCoupon, updateCouponFields } from '@/db/queries/coupons';
import { existingProductIds } from '@/db/queries/products';
import { coupons } from '@/db/schema';
import { invalidRequest, missingParam, noSuchObject } from '@/lib/api/errors';
import { createdFilter, listPage } from '@/lib/api/list';
import { initialMetadata, mergeMetadata } from '@/lib/api/params';
import { serializeCoupon } from '@/lib/api/serialize/coupon';
import { previousAttributes, recordEvent } from '@/lib/events/record-event';
import { randomBase62 } from '@/lib/util/ids';
import { isUniqueViolation } from '@/lib/util/pg-errors';
import type { CreateCouponParams, ListCouponsParams, UpdateCouponParams } from '@/lib/validation/coupons';
import { assertChargeableAmount, currencyOptionKey } from './amounts';
import { getCouponOrThrow } from '@/lib/api/get-or-throw';
import type { AccountScope } from '@/db/scope';

function currencyOptions(given: Record<string, { amount_off: number }>, own: string): Record<string, { amount_off: number }> {
  const out: Record<string, { amount_off: number }> = {};
  for (const [key, o] of Object.entries(given)) {
    const cur = currencyOptionKey(key, own, `currency_options[${key}]`);
    assertChargeableAmount(o.amount_off, cur, `currency_options[${key}][amount_off]`);
    out[cur] = { amount_off: o.amount_off };
  }
  return out;
}

/** Stripe's rules across a new coupon's parameters. */
function checkCreate(p: CreateCouponParams, now: Date) {
  if (p.percent_off !== undefined && p.amount_off !== undefined)
    throw invalidRequest('You may only specify one of these parameters: amount_off, percent_off.', 'amount_off', 'parameters_exclusive');
  if (p.percent_off === undefined && p.amount_off === undefined)
    throw invalidRequest('Must pass either percent_off or amount_off.', 'percent_off', 'parameter_missing');
  if (p.amount_off !== undefined) {
    if (!p.currency) throw missingParam('currency');
    assertChargeableAmount(p.amount_off, p.currency, 'amount_off');
  }
  if (p.amount_off === undefined && p.currency) throw invalidRequest('currency can only be set on an amount_off coupon.', 'currency');
  if (p.amount_off === undefined && p.currency_options)
    throw invalidRequest('currency_options can only be set on an amount_off coupon.', 'currency_options');
  const duration = p.duration ?? 'once';
  if (duration === 'repeating' && p.duration_in_months === undefined) throw missingParam('duration_in_months');
  if (duration !== 'repeating' && p.duration_in_months !== undefined)
    throw invalidRequest('duration_in_months can only be set when duration is repeating.', 'duration_in_months');
  if (p.redeem_by !== undefined && p.redeem_by * 1000 <= now.getTime())
    throw invalidRequest('redeem_by must be in the future.', 'redeem_by');
  return duration;
}

/** applies_to[products] must name products of this account. */
async function checkProducts(tx: Queryable, accountId: string, ids: string[]) {
  if (!ids.length) return;
  const known = new Set(await existingProductIds(tx, { accountId, ids }));
  const i = ids.findIndex((id) => !known.has(id));
  if (i >= 0) throw invalidRequest(`No such product: '${ids[i]}'`, `applies_to[products][${i}]`, 'resource_missing');
}

export async function createCoupon(db: Db, scope: AccountScope, p: CreateCouponParams) {
  const now = new Date();
  const duration = checkCreate(p, now);
  // Stripe's generated coupon ids are 8 random characters.
  const id = p.id ?? randomBase62(8);
  // currency_options come with amount_off, which comes with currency (checkCreate).
  const options = p.currency_options && p.currency ? currencyOptions(p.currency_options, p.currency) : null;
  try {
    return await db.transaction(async (tx) => {
      const appliesTo = p.applies_to?.products ? [...new Set(p.applies_to.products)] : null;
      if (appliesTo) await checkProducts(tx, scope.accountId, appliesTo);
      const row = await insertCoupon(tx, {
        id,
        accountId: scope.accountId,
        name: p.name || null,
        amountOff: p.amount_off ?? null,
        percentOff: p.percent_off ?? null,
        currency: p.amount_off !== undefined ? (p.currency ?? null) : null,
        currencyOptions: options && Object.keys(options).length ? options : null,
        duration,
        durationInMonths: p.duration_in_months ?? null,
        maxRedemptions: p.max_redemptions ?? null,
        redeemBy: p.redeem_by === undefined ? null : new Date(p.redeem_by * 1000),
        appliesToProducts: appliesTo,
        metadata: initialMetadata(p.metadata),
      });
      const object = serializeCoupon(row, now);
      await recordEvent(tx, { accountId: scope.accountId, type: 'coupon.created', object, request: scope.request });
      return object;
    });
  } catch (err) {
    // The id stays taken after a delete: promotion codes and sessions keep pointing at it.
    if (isUniqueViolation(err)) throw invalidRequest(`Coupon already exists: '${id}'`, 'id', 'resource_already_exists');
    throw err;
  }
}

export async function updateCoupon(db: Db, scope: AccountScope & { id: string }, p: UpdateCouponParams) {
  const now = new Date();
  return db.transaction(async (tx) => {
    const current = await getCouponOrThrow(tx, scope);
    if (p.currency_options && current.amountOff === null)
      throw invalidRequest('currency_options can only be set on an amount_off coupon.', 'currency_options');
    // An amount_off coupon has a currency.
    const options =
      p.currency_options && current.currency !== null
        ? { ...current.currencyOptions, ...currencyOptions(p.currency_options, current.currency) }
        : current.currencyOptions;
    const row = await updateCouponFields(tx, {
      accountId: scope.accountId,
      id: scope.id,
      set: {
        ...(p.name !== undefined && { name: p.name || null }),
        currencyOptions: options,
        metadata: mergeMetadata(current.metadata, p.metadata),
      },
    });
    const before = serializeCoupon(current, now);
    const object = serializeCoupon(row, now);
    await recordEvent(tx, {
      accountId: scope.accountId,
      type: 'coupon.updated',
      object,
      previousAttributes: previousAttributes(before, object),
      request: scope.request,
    });
    return object;
  });
}

/** Soft delete: the row stays for what already refers to it, but the API no longer shows it. */
export async function deleteCoupon(db: Db, scope: AccountScope & { id: string }) {
  const now = new Date();
  return db.transaction(async (tx) => {
    const row = await softDeleteCoupon(tx, { accountId: scope.accountId, id: scope.id, deletedAt: now });
    if (!row) throw noSuchObject('coupon', scope.id);
    await recordEvent(tx, {
      accountId: scope.accountId,
      type: 'coupon.deleted',
      object: serializeCoupon(row, now),
      request: scope.request,
    });
    return { id: scope.id, object: 'coupon' as const, deleted: true as const };
  });
}

export async function retrieveCoupon(db: Db, scope: AccountScope & { id: string }) {
  return serializeCoupon(await getCouponOrThrow(db, scope), new Date());
}

export async function listCoupons(db: Db, scope: AccountScope, p: ListCouponsParams) {
  return listPage(db, coupons, {
    accountId: scope.accountId,
    kind: 'coupon',
    params: p,
    filters: [isNull(coupons.deletedAt), ...createdFilter(coupons.createdAt, p.created)],
  });
}
