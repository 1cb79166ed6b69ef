// Shared by the API tests that pay a hosted session: the page is server-rendered,
// so its own pay form, posted as is, is what a browser without JavaScript sends.

const decode = (s: string) => s.replaceAll('&quot;', '"').replaceAll('&#x27;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');

export type PayResponse = { status: number; location: string | null };

/**
 * Pays a hosted session with a test card: fetches the page at `sessionUrl` and
 * posts its pay form to the same path on `baseUrl` (default: the page's own
 * server), so a form rendered by one server can be submitted to another.
 */
export async function payWithoutJavaScript(sessionUrl: string, baseUrl?: string): Promise<PayResponse> {
  const html = await (await fetch(sessionUrl)).text();
  const form = [...html.matchAll(/<form[\s\S]*?<\/form>/g)].map((m) => m[0]).find((f) => f.includes('name="card.number"'));
  if (!form) throw new Error(`The page at ${sessionUrl} has no pay form`);
  const body = new FormData();
  for (const m of form.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?\/>/g)) body.append(m[1], decode(m[2] ?? ''));
  const year = String((new Date().getUTCFullYear() + 5) % 100).padStart(2, '0');
  const fields = { email: 'jenny@example.com', 'card.number': '4242 4242 4242 4242', 'card.expiry': `12 / ${year}`, 'card.cvc': '123', 'card.name': 'Jenny Rosen', 'billing.country': 'FR', 'billing.postal_code': '75001' };
  for (const [k, v] of Object.entries(fields)) body.append(k, v);
  const page = new URL(sessionUrl);
  const target = baseUrl ? new URL(page.pathname + page.search, baseUrl) : page;
  const res = await fetch(target, { method: 'POST', body, redirect: 'manual' });
  await res.arrayBuffer();
  return { status: res.status, location: res.headers.get('location') };
}
