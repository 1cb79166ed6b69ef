/**
 * Allowed redirect domains: where success_url, cancel_url and return_url may send a customer.
 * An entry is a host (`shop.example.com`) or a wildcard over its subdomains (`*.example.com`,
 * which does not match example.com itself). Pure.
 */

/** A normalized entry, or null when it is neither a host name nor *.<host name>. */
export function normalizeRedirectDomain(entry: string): string | null {
  const e = entry.trim().toLowerCase().replace(/\.$/, '');
  const host = e.startsWith('*.') ? e.slice(2) : e;
  const valid = /^(?=.{1,253}$)((?!-)[a-z0-9-]{1,63}(?<!-)\.)*(?!-)[a-z0-9-]{1,63}(?<!-)$/.test(host);
  // A bare wildcard over a top-level domain (*.com) would allow almost anything.
  if (!valid || (e.startsWith('*.') && !host.includes('.'))) return null;
  return e;
}

/** Whether a host (lower-case, no port) is covered by the list; an empty list allows every host. */
export function redirectHostAllowed(host: string, allowed: readonly string[]): boolean {
  if (allowed.length === 0) return true;
  const h = host.toLowerCase().replace(/\.$/, '');
  return allowed.some((entry) => (entry.startsWith('*.') ? h.endsWith(entry.slice(1)) && h.length > entry.length - 1 : h === entry));
}

/** The first of the given redirect URLs whose host is outside the list, with its parameter name. */
export function firstDisallowedRedirect(
  urls: Partial<Record<'success_url' | 'cancel_url' | 'return_url', string | null | undefined>>,
  allowed: readonly string[],
): { param: string; host: string } | null {
  if (allowed.length === 0) return null;
  for (const param of ['success_url', 'cancel_url', 'return_url'] as const) {
    const url = urls[param];
    if (!url) continue;
    let host = '';
    try {
      // The same substitution the request schema makes before it parses the URL.
      host = new URL(url.replaceAll('{CHECKOUT_SESSION_ID}', 'x')).hostname;
    } catch {
      // Unparseable is refused too: a list that is set must never be bypassed.
    }
    if (!host || !redirectHostAllowed(host, allowed)) return { param, host };
  }
  return null;
}
