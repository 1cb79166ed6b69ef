import 'server-only';
import type { Db } from '@/db/client';
import { ApiError } from '@/lib/api/errors';
import { serializeCoupon } from '@/lib/api/serialize/coupon';
import { serializePrice } from '@/lib/api/serialize/price';
import { serializeProduct } from '@/lib/api/serialize/product';
import { serializePromotionCode } from '@/lib/api/serialize/promotion-code';
import { serializeShippingRate } from '@/lib/api/serialize/shipping-rate';
import { serializeTaxRate } from '@/lib/api/serialize/tax-rate';
import { listCoupons, retrieveCoupon } from '@/lib/catalog/coupons';
import { listPrices } from '@/lib/catalog/prices';
import { listProducts, retrieveProduct } from '@/lib/catalog/products';
import { listPromotionCodes } from '@/lib/catalog/promotion-codes';
import { listShippingRates } from '@/lib/catalog/shipping-rates';
import { listTaxRates } from '@/lib/catalog/tax-rates';
import type { AccountScope } from '@/db/scope';

/**
 * What the dashboard's catalog pages show, read through the same lib/catalog functions as the
 * REST API and serialized as the API would: every read is scoped by the account.
 */

/** A page of a list, newest first, with the cursor for the next (older) page. */
export type Page<T> = { items: T[]; nextCursor: string | null };

const PAGE = 50;

function page<R, T extends { id: string }>(r: { rows: R[]; hasMore: boolean }, serialize: (row: R) => T): Page<T> {
  const items = r.rows.map(serialize);
  return { items, nextCursor: r.hasMore ? (items.at(-1)?.id ?? null) : null };
}

export type DashboardProduct = ReturnType<typeof serializeProduct>;
export type DashboardPrice = ReturnType<typeof serializePrice>;
export type DashboardCoupon = ReturnType<typeof serializeCoupon>;
export type DashboardPromotionCode = ReturnType<typeof serializePromotionCode>;
export type DashboardShippingRate = ReturnType<typeof serializeShippingRate>;
export type DashboardTaxRate = ReturnType<typeof serializeTaxRate>;

export async function productsPage(db: Db, s: AccountScope & { after?: string }) {
  return page(await listProducts(db, s, { limit: PAGE, starting_after: s.after }), serializeProduct);
}

/** What a read gives, or null when the id is not one of the account's objects (the page 404s). */
async function orNull<T>(read: Promise<T>): Promise<T | null> {
  try {
    return await read;
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return null;
    throw err;
  }
}

/** A product and all its prices (archived ones too, so they can be restored); null if not the account's. */
export async function productWithPrices(db: Db, s: AccountScope & { id: string }) {
  const product = await orNull(retrieveProduct(db, s));
  if (!product) return null;
  const prices = await listPrices(db, s, { product: s.id, limit: 100 });
  return { product, prices: prices.rows.map(serializePrice) };
}

export async function couponsPage(db: Db, s: AccountScope & { after?: string }) {
  const now = new Date();
  return page(await listCoupons(db, s, { limit: PAGE, starting_after: s.after }), (row) => serializeCoupon(row, now));
}

export async function couponWithCodes(db: Db, s: AccountScope & { id: string }) {
  const coupon = await orNull(retrieveCoupon(db, s));
  if (!coupon) return null;
  const codes = await listPromotionCodes(db, s, { coupon: s.id, limit: 100 });
  return { coupon, codes: codes.rows.map(serializePromotionCode) };
}

export async function shippingRatesPage(db: Db, s: AccountScope & { after?: string }) {
  return page(await listShippingRates(db, s, { limit: PAGE, starting_after: s.after }), serializeShippingRate);
}

export async function taxRatesPage(db: Db, s: AccountScope & { after?: string }) {
  return page(await listTaxRates(db, s, { limit: PAGE, starting_after: s.after }), serializeTaxRate);
}

/** What the "Create checkout session" form offers: active prices of active products, active rates. */
export async function checkoutSessionOptions(db: Db, s: AccountScope) {
  const prices = (await listPrices(db, s, { active: true, limit: 100 })).rows.map(serializePrice);
  const ids = [...new Set(prices.map((p) => p.product))];
  const products = ids.length ? (await listProducts(db, s, { ids, active: true, limit: 100 })).rows : [];
  const names = new Map(products.map((p) => [p.id, p.name]));
  return {
    prices: prices.flatMap((p) => {
      const productName = names.get(p.product);
      return productName === undefined ? [] : [{ ...p, productName }];
    }),
    shippingRates: (await listShippingRates(db, s, { active: true, limit: 100 })).rows.map(serializeShippingRate),
    taxRates: (await listTaxRates(db, s, { active: true, limit: 100 })).rows.map(serializeTaxRate),
  };
}
