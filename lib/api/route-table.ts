/**
 * The API's routes as the file system declares them (app/v1/…/route.ts), matched the way Next matches them: a static
 * segment before a dynamic one (`[id]`), a dynamic one before a catch-all (`[...path]`), each parameter decoded.
 * scripts/serve.ts uses it to hand /v1 requests straight to their route module.
 */

export type RouteMatch = { file: string; params: Record<string, string | string[]> };

type Node = {
  file?: string;
  statics: Map<string, Node>;
  dynamic?: { name: string; node: Node };
  catchAll?: { name: string; file: string };
};

const newNode = (): Node => ({ statics: new Map() });
const DYNAMIC = /^\[([A-Za-z_][A-Za-z0-9_]*)\]$/;
const CATCH_ALL = /^\[\.\.\.([A-Za-z_][A-Za-z0-9_]*)\]$/;

/**
 * `files`: route files relative to the app directory, such as `v1/customers/[id]/route.ts`. A shape this table does
 * not know (route groups, optional catch-alls, a parameter in the middle of a segment) is refused when it is built,
 * not mismatched later.
 */
export function routeTable(files: readonly string[]): (pathname: string) => RouteMatch | null {
  const root = newNode();
  for (const file of files) {
    const segments = file.split('/');
    if (segments.pop() !== 'route.ts') throw new Error(`Not a route file: ${file}`);
    let node = root;
    for (const [i, segment] of segments.entries()) {
      const catchAll = CATCH_ALL.exec(segment);
      if (catchAll) {
        if (i !== segments.length - 1) throw new Error(`A catch-all must be the last segment: ${file}`);
        node.catchAll = { name: catchAll[1], file };
        node = newNode();
        break;
      }
      const dynamic = DYNAMIC.exec(segment);
      if (dynamic) {
        if (node.dynamic && node.dynamic.name !== dynamic[1]) throw new Error(`Two parameter names at one level: ${file}`);
        node.dynamic ??= { name: dynamic[1], node: newNode() };
        node = node.dynamic.node;
      } else if (/^[A-Za-z0-9_.-]+$/.test(segment)) {
        const next = node.statics.get(segment) ?? newNode();
        node.statics.set(segment, next);
        node = next;
      } else throw new Error(`A route segment this table does not handle: ${file}`);
    }
    if (!CATCH_ALL.test(segments.at(-1) ?? '')) node.file = file;
  }
  return (pathname) => {
    if (!pathname.startsWith('/')) return null;
    const segments = pathname.slice(1).split('/');
    // An empty segment (a trailing or doubled slash) is Next's to normalize.
    if (segments.some((s) => s === '')) return null;
    let decoded: string[];
    try {
      decoded = segments.map((s) => decodeURIComponent(s));
    } catch {
      return null;
    }
    return matchFrom(root, segments, decoded, 0, {});
  };
}

function matchFrom(node: Node, raw: string[], decoded: string[], i: number, params: RouteMatch['params']): RouteMatch | null {
  if (i === raw.length) return node.file ? { file: node.file, params } : null;
  // Static names compare with the path as sent, as Next's do.
  const child = node.statics.get(raw[i]);
  const staticMatch = child && matchFrom(child, raw, decoded, i + 1, params);
  if (staticMatch) return staticMatch;
  if (node.dynamic) {
    const m = matchFrom(node.dynamic.node, raw, decoded, i + 1, { ...params, [node.dynamic.name]: decoded[i] });
    if (m) return m;
  }
  if (node.catchAll) return { file: node.catchAll.file, params: { ...params, [node.catchAll.name]: decoded.slice(i) } };
  return null;
}
