/** A link of a navigation: where it goes, and other paths that belong to it (a delivery page to webhooks). */
export type NavTarget = { href: string; also?: readonly string[] };

const under = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`);

/** The link a path belongs to: the one whose href (or other path) is its longest prefix. */
export function activeHref(pathname: string, targets: readonly NavTarget[]): string | undefined {
  let best: { href: string; length: number } | undefined;
  for (const t of targets) {
    for (const prefix of [t.href, ...(t.also ?? [])]) {
      if (under(pathname, prefix) && (!best || prefix.length > best.length)) best = { href: t.href, length: prefix.length };
    }
  }
  return best?.href;
}
