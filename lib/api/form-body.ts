import { invalidRequest } from './errors';

export type FormValue = string | FormValue[] | { [key: string]: FormValue };

type Node = Map<string, Node | string>;

export const MAX_DEPTH = 12;
const MAX_INDEX = 10_000;

/** Postgres text and jsonb cannot hold NUL or unpaired surrogates: a 400 here rather than a 500 from the database. */
export function assertStorableText(value: string, param: string) {
  if (value.includes('\u0000') || !value.isWellFormed())
    throw invalidRequest(`Invalid string for ${param}: null bytes and unpaired surrogates are not allowed.`, param);
}

/** "a[b][0][]" → ["a", "b", "0", ""] */
function splitKey(key: string): string[] {
  const open = key.indexOf('[');
  if (open <= 0) return [key];
  const parts = [key.slice(0, open)];
  const rest = key.slice(open);
  const re = /\[([^\[\]]*)\]/gy;
  let match: RegExpExecArray | null;
  let consumed = 0;
  while ((match = re.exec(rest))) {
    parts.push(match[1]);
    consumed = re.lastIndex;
  }
  if (consumed !== rest.length) throw invalidRequest(`Invalid parameter name: ${key}`, key);
  return parts;
}

/**
 * `x[0]=a&x[1]=b` is an array to every schema but a free-form hash, whose keys may be digits
 * (`metadata[0]=a`): such arrays keep the hash they were read as under this symbol (see hashFromForm).
 */
const FORM_HASH = Symbol('form hash');

/** The hash a digit-keyed form array was read as, or the value itself. */
export function hashFromForm(value: unknown): unknown {
  return Array.isArray(value) && FORM_HASH in value ? (value as unknown as Record<symbol, unknown>)[FORM_HASH] : value;
}

function toHash(node: Node, path: string): { [key: string]: FormValue } {
  const out: { [key: string]: FormValue } = {};
  for (const [k, child] of node)
    Object.defineProperty(out, k, {
      value: toValue(child, path ? `${path}[${k}]` : k),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return out;
}

function toValue(node: Node | string, path: string): FormValue {
  if (typeof node === 'string') return node;
  const keys = [...node.keys()];
  if (keys.length > 0 && keys.every((k) => /^\d+$/.test(k) || k.startsWith('\u0000push'))) {
    const indexed = [...node].map(([k, child]) => ({ child, i: k.startsWith('\u0000push') ? MAX_INDEX + Number(k.slice(6)) : Number(k) }));
    indexed.sort((a, b) => a.i - b.i);
    const array = indexed.map(({ child, i }) => toValue(child, `${path}[${i >= MAX_INDEX ? i - MAX_INDEX : i}]`));
    if (keys.every((k) => /^\d+$/.test(k))) Object.defineProperty(array, FORM_HASH, { value: toHash(node, path) });
    return array;
  }
  return toHash(node, path);
}

/**
 * Stripe's form encoding: bracket nesting, `x[]` appends, `x[0]` indexes;
 * an empty value (`key=`) stays "" and means "unset" to the schemas.
 */
export function parseFormBody(params: URLSearchParams): Record<string, FormValue> {
  const root: Node = new Map();
  let pushes = 0;
  for (const [rawKey, value] of params) {
    assertStorableText(rawKey, rawKey);
    assertStorableText(value, rawKey);
    const parts = splitKey(rawKey);
    if (parts.length > MAX_DEPTH) throw invalidRequest(`Parameter nesting is too deep: ${rawKey}`, rawKey);
    let node = root;
    for (let i = 0; i < parts.length; i++) {
      let part = parts[i];
      if (part === '') part = `\u0000push${pushes++}`;
      else if (/^\d+$/.test(part) && Number(part) >= MAX_INDEX) throw invalidRequest(`Array index too large in ${rawKey}`, rawKey);
      const last = i === parts.length - 1;
      const existing = node.get(part);
      if (last) {
        if (existing instanceof Map) throw invalidRequest(`Invalid value for ${rawKey}: it is also given as a hash.`, rawKey);
        node.set(part, value);
      } else {
        if (typeof existing === 'string') {
          // `metadata=&metadata[k]=v`: the hash that follows an empty value wins.
          if (existing !== '') throw invalidRequest(`Invalid hash for ${parts.slice(0, i + 1).join('[')}${']'.repeat(i)}`, rawKey);
        }
        let child = existing instanceof Map ? existing : undefined;
        if (!child) {
          child = new Map();
          node.set(part, child);
        }
        node = child;
      }
    }
  }
  return toValue(root, '') as Record<string, FormValue>;
}
