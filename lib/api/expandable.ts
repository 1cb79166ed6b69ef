import { findProduct } from '@/db/queries/products';
import { applyExpand, type ExpandContext, type ExpandRegistry } from './expand';
import { serializeProduct } from './serialize/product';

/**
 * Every expandable field of every object the API returns: object type →
 * field → loader of the serialized object behind the id.
 */
export const expandRegistry: ExpandRegistry = {
  product: {},
};

export function registerExpandable(objectType: string, fields: ExpandRegistry[string]) {
  expandRegistry[objectType] = { ...expandRegistry[objectType], ...fields };
}

export const loadProduct = async (ctx: ExpandContext, id: string) => {
  const row = await findProduct(ctx.db, { accountId: ctx.accountId, id });
  return row ? serializeProduct(row) : null;
};

/** Applies a request's `expand[]` to the object (or list) it returns. */
export function expandObject<T>(ctx: ExpandContext, target: T, paths: string[] | undefined): Promise<T> {
  return applyExpand(ctx, expandRegistry, target, paths);
}
