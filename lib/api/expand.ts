import type { Queryable } from '@/db/client';
import { invalidRequest } from './errors';

export type ExpandContext = { db: Queryable; accountId: string };
type Obj = Record<string, unknown>;
/** Loads the serialized object behind an id, or null when it is gone. */
export type Loader = (ctx: ExpandContext, id: string) => Promise<Obj | null>;
/** For an object type, the fields that hold an expandable id and how to load each. */
export type ExpandRegistry = Record<string, Record<string, Loader>>;

const MAX_DEPTH = 4;

async function expandPath(ctx: ExpandContext, registry: ExpandRegistry, value: unknown, path: string[], full: string): Promise<unknown> {
  if (path.length === 0 || value === null || value === undefined) return value;
  if (Array.isArray(value)) return Promise.all(value.map((v) => expandPath(ctx, registry, v, path, full)));
  if (typeof value !== 'object') throw invalidRequest(`This property cannot be expanded (${full}).`, 'expand');
  const obj = value as Obj;
  const [field, ...rest] = path;
  const loader = registry[String(obj.object)]?.[field];
  let child = obj[field];
  if (typeof child === 'string') {
    if (!loader) throw invalidRequest(`This property cannot be expanded (${full}).`, 'expand');
    child = (await loader(ctx, child)) ?? child;
  } else if (child === undefined && !loader) {
    throw invalidRequest(`This property cannot be expanded (${full}).`, 'expand');
  } else if (child === undefined && loader) {
    // Fields only present when expanded (a session's line_items) load by the parent's id.
    child = await loader(ctx, String(obj.id));
  }
  obj[field] = await expandPath(ctx, registry, child, rest, full);
  return obj;
}

/** Applies `expand[]` paths (dotted, `data.` on lists, at most 4 levels) to a serialized object. */
export async function applyExpand<T>(ctx: ExpandContext, registry: ExpandRegistry, target: T, paths: string[] | undefined): Promise<T> {
  if (!paths?.length) return target;
  for (const full of [...new Set(paths)]) {
    const path = full.split('.');
    if (path.length > MAX_DEPTH || path.some((p) => p === ''))
      throw invalidRequest(`You cannot expand more than ${MAX_DEPTH} levels of a property (${full}).`, 'expand');
    await expandPath(ctx, registry, target, path, full);
  }
  return target;
}
