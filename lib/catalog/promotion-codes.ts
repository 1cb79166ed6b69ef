import { randomInt } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Db, Queryable } from '@/db/client';
import { findCoupon } from '@/db/queries/coupons';
import {
  customerBelongsToAccount,
  findActivePromotionCodeByCode,
  insertPromotionCode,
  updatePromotionCodeFields,
} from '@/db/queries/promotion-codes';
import { promotionCodes, type PromotionRestrictions } from '@/db/schema';
import { invalidRequest, missingParam } from '@/lib/api/errors';
import { createdFilter, listPage } from '@/lib/api/list';
import { initialMetadata, mergeMetadata } from '@/lib/api/params';
import { couponIsValid } from '@/lib/api/serialize/coupon';
import { serializePromotionCode } from '@/lib/api/serialize/promotion-code';
import { previousAttributes, recordEvent } from '@/lib/events/record-event';
import { newId } from '@/lib/util/ids';
import { isUniqueViolation } from '@/lib/util/pg-errors';
import type { CreatePromotionCodeParams, ListPromotionCodesParams, UpdatePromotionCodeParams } from '@/lib/validation/promotion-codes';
import { assertChargeableAmount, currencyOptionKey } from './amounts';
import { getCouponOrThrow, getPromotionCodeOrThrow } from '@/lib/api/get-or-throw';
import type { AccountScope } from '@/db/scope';

// No 0/O or 1/I: customers read these codes aloud and type them.
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const generateCode = () => Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');

const codeTaken = (code: string, param: string) =>
  invalidRequest(
    `An active promotion code with the code '${code}' already exists (codes are case-insensitive).`,
    param,
    'resource_already_exists',
  );

function minimumOptions(
  given: Record<string, { minimum_amount?: number }>,
  own: string | null,
): Record<string, { minimum_amount: number }> {
  if (!own)
    throw invalidRequest(
      'restrictions[currency_options] needs restrictions[minimum_amount] and restrictions[minimum_amount_currency].',
      'restrictions[currency_options]',
    );
  const out: Record<string, { minimum_amount: number }> = {};
  for (const [key, o] of Object.entries(given)) {
    const param = `restrictions[currency_options][${key}]`;
    const cur = currencyOptionKey(key, own, param);
    if (o.minimum_amount === undefined) throw missingParam(`${param}[minimum_amount]`);
    assertChargeableAmount(o.minimum_amount, cur, `${param}[minimum_amount]`);
    out[cur] = { minimum_amount: o.minimum_amount };
  }
  return out;
}

function restrictionsOf(r: CreatePromotionCodeParams['restrictions']): PromotionRestrictions {
  const amount = r?.minimum_amount ?? null;
  const currency = r?.minimum_amount_currency ?? null;
  if (amount !== null) {
    if (currency === null) throw missingParam('restrictions[minimum_amount_currency]');
    assertChargeableAmount(amount, currency, 'restrictions[minimum_amount]');
  } else if (currency !== null) throw missingParam('restrictions[minimum_amount]');
  const options = r?.currency_options ? minimumOptions(r.currency_options, currency) : {};
  return {
    first_time_transaction: r?.first_time_transaction ?? false,
    minimum_amount: amount,
    minimum_amount_currency: currency,
    ...(Object.keys(options).length ? { currency_options: options } : {}),
  };
}

/** The coupon a new code promotes: `promotion[coupon]` (current API) or the older top-level `coupon`. */
function couponParam(p: CreatePromotionCodeParams): { id: string; param: string } {
  const nested = p.promotion?.coupon;
  if (nested !== undefined && p.coupon !== undefined)
    throw invalidRequest('You may only specify one of these parameters: coupon, promotion[coupon].', 'coupon', 'parameters_exclusive');
  if (nested !== undefined) return { id: nested, param: 'promotion[coupon]' };
  if (p.coupon !== undefined) return { id: p.coupon, param: 'coupon' };
  throw missingParam('promotion[coupon]');
}

async function freeCode(tx: Queryable, accountId: string, given: string | undefined): Promise<string> {
  if (given !== undefined) {
    if (await findActivePromotionCodeByCode(tx, { accountId, code: given })) throw codeTaken(given, 'code');
    return given;
  }
  // 32^8 codes: a clash is rare, so a few tries always suffice.
  for (;;) {
    const code = generateCode();
    if (!(await findActivePromotionCodeByCode(tx, { accountId, code }))) return code;
  }
}

export async function createPromotionCode(db: Db, scope: AccountScope, p: CreatePromotionCodeParams) {
  const now = new Date();
  const coupon = couponParam(p);
  const restrictions = restrictionsOf(p.restrictions);
  if (p.expires_at !== undefined && p.expires_at * 1000 <= now.getTime())
    throw invalidRequest('expires_at must be in the future.', 'expires_at');
  const active = p.active ?? true;
  try {
    return await db.transaction(async (tx) => {
      const row = await getCouponOrThrow(tx, { accountId: scope.accountId, id: coupon.id, param: coupon.param, status: 400 });
      if (!couponIsValid(row, now))
        throw invalidRequest(`Coupon '${coupon.id}' is no longer valid, so it cannot get a promotion code.`, coupon.param);
      if (p.expires_at !== undefined && row.redeemBy && p.expires_at * 1000 > row.redeemBy.getTime())
        throw invalidRequest("expires_at cannot be later than the coupon's redeem_by.", 'expires_at');
      if (p.customer !== undefined && !(await customerBelongsToAccount(tx, { accountId: scope.accountId, id: p.customer })))
        throw invalidRequest(`No such customer: '${p.customer}'`, 'customer', 'resource_missing');
      const code = active ? await freeCode(tx, scope.accountId, p.code) : (p.code ?? generateCode());
      const created = await insertPromotionCode(tx, {
        id: newId('promo'),
        accountId: scope.accountId,
        couponId: row.id,
        code,
        active,
        customerId: p.customer ?? null,
        expiresAt: p.expires_at === undefined ? null : new Date(p.expires_at * 1000),
        maxRedemptions: p.max_redemptions ?? null,
        restrictions,
        metadata: initialMetadata(p.metadata),
      });
      const object = serializePromotionCode(created);
      await recordEvent(tx, { accountId: scope.accountId, type: 'promotion_code.created', object, request: scope.request });
      return object;
    });
  } catch (err) {
    // Two requests racing for the same code: the unique index lets one win.
    if (isUniqueViolation(err))
      throw p.code !== undefined
        ? codeTaken(p.code, 'code')
        : invalidRequest('The generated code was taken at the same moment; please retry.', 'code');
    throw err;
  }
}

export async function updatePromotionCode(db: Db, scope: AccountScope & { id: string }, p: UpdatePromotionCodeParams) {
  const now = new Date();
  try {
    return await db.transaction(async (tx) => {
      const current = await getPromotionCodeOrThrow(tx, scope);
      if (p.active === true && !current.active) {
        const coupon = await findCoupon(tx, { accountId: scope.accountId, id: current.couponId });
        if (!coupon || !couponIsValid(coupon, now))
          throw invalidRequest('This promotion code cannot be reactivated: its coupon is no longer valid.', 'active');
        if (await findActivePromotionCodeByCode(tx, { accountId: scope.accountId, code: current.code }))
          throw codeTaken(current.code, 'active');
      }
      const given = p.restrictions?.currency_options;
      const restrictions: PromotionRestrictions = given
        ? {
            ...current.restrictions,
            currency_options: {
              ...current.restrictions.currency_options,
              ...minimumOptions(given, current.restrictions.minimum_amount_currency),
            },
          }
        : current.restrictions;
      const row = await updatePromotionCodeFields(tx, {
        accountId: scope.accountId,
        id: scope.id,
        set: {
          ...(p.active !== undefined && { active: p.active }),
          restrictions,
          metadata: mergeMetadata(current.metadata, p.metadata),
        },
      });
      const before = serializePromotionCode(current);
      const object = serializePromotionCode(row);
      await recordEvent(tx, {
        accountId: scope.accountId,
        type: 'promotion_code.updated',
        object,
        previousAttributes: previousAttributes(before, object),
        request: scope.request,
      });
      return object;
    });
  } catch (err) {
    if (isUniqueViolation(err))
      throw invalidRequest('Another active promotion code took this code at the same time.', 'active', 'resource_already_exists');
    throw err;
  }
}

export async function retrievePromotionCode(db: Db, scope: AccountScope & { id: string }) {
  return serializePromotionCode(await getPromotionCodeOrThrow(db, scope));
}

export async function listPromotionCodes(db: Db, scope: AccountScope, p: ListPromotionCodesParams) {
  return listPage(db, promotionCodes, {
    accountId: scope.accountId,
    kind: 'promotion_code',
    params: p,
    filters: [
      p.active === undefined ? undefined : eq(promotionCodes.active, p.active),
      p.code === undefined ? undefined : sql`lower(${promotionCodes.code}) = lower(${p.code})`,
      p.coupon === undefined ? undefined : eq(promotionCodes.couponId, p.coupon),
      p.customer === undefined ? undefined : eq(promotionCodes.customerId, p.customer),
      ...createdFilter(promotionCodes.createdAt, p.created),
    ],
  });
}
