import type { Queryable } from '@/db/client';
import { invalidRequest } from './errors';

export type ExpandContext = { db: Queryable; accountId: string };
type Obj = Record<string, unknown>;
/** Loads the serialized object behind an id (or, for fields only present when expanded, the parent's id). */
export type Loader = (ctx: ExpandContext, id: string) => Promise<unknown>;
/**
 * For an object type, the expandable fields and how to load each. Fields of
 * nested hashes without an `object` of their own are keyed by their dotted
 * path from the nearest typed object: `promotion.coupon` on a promotion code,
 * `total_details.breakdown` on a session. Arrays are transparent.
 */
export type ExpandRegistry = Record<string, Record<string, Loader>>;

const MAX_DEPTH = 4;

type Owner = { type: string; id: string; prefix: string };

async function expandPath(
  ctx: ExpandContext,
  registry: ExpandRegistry,
  value: unknown,
  path: string[],
  full: string,
  owner: Owner | null,
): Promise<unknown> {
  if (path.length === 0 || value === null || value === undefined) return value;
  if (Array.isArray(value)) return Promise.all(value.map((v) => expandPath(ctx, registry, v, path, full, owner)));
  const cannot = () => invalidRequest(`This property cannot be expanded (${full}).`, 'expand');
  if (typeof value !== 'object') throw cannot();
  const obj = value as Obj;
  const here: Owner | null = typeof obj.object === 'string' ? { type: obj.object, id: String(obj.id), prefix: '' } : owner;
  const [field, ...rest] = path;
  // Own properties only: `expand[]=constructor` or `__proto__` must not find Object's.
  const fields = here && Object.hasOwn(registry, here.type) ? registry[here.type] : undefined;
  const loader = here && fields && Object.hasOwn(fields, here.prefix + field) ? fields[here.prefix + field] : undefined;
  let child = Object.hasOwn(obj, field) ? obj[field] : undefined;
  if (typeof child === 'string') {
    if (!loader) throw cannot();
    child = (await loader(ctx, child)) ?? child;
  } else if (child === undefined) {
    if (!loader || !here) throw cannot();
    child = await loader(ctx, here.id);
  } else if (rest.length === 0 && !loader) {
    throw cannot();
  }
  const nextOwner = here ? { ...here, prefix: `${here.prefix}${field}.` } : null;
  obj[field] = await expandPath(ctx, registry, child, rest, full, nextOwner);
  return obj;
}

/** Applies `expand[]` paths (dotted, `data.` on lists, at most 4 levels) to a serialized object. */
export async function applyExpand<T>(ctx: ExpandContext, registry: ExpandRegistry, target: T, paths: string[] | undefined): Promise<T> {
  if (!paths?.length) return target;
  for (const full of [...new Set(paths)]) {
    const path = full.split('.');
    if (path.length > MAX_DEPTH || path.some((p) => p === ''))
      throw invalidRequest(`You cannot expand more than ${MAX_DEPTH} levels of a property (${full}).`, 'expand');
    await expandPath(ctx, registry, target, path, full, null);
  }
  return target;
}
