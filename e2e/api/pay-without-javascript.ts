import { randomClientAddress } from '../support/client-address';

// Shared by the tests that pay a hosted session: the page is server-rendered,
// so its own pay form, posted as is, is what a browser without JavaScript sends.

const decode = (s: string) =>
  s.replaceAll('&quot;', '"').replaceAll('&#x27;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');

/** A server-rendered form's hidden inputs, as a browser posts them. */
export function hiddenFields(form: string): FormData {
  const body = new FormData();
  for (const m of form.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?\/>/g)) {
    body.append(m[1], decode(m.at(2) ?? '')); // the value group is optional
  }
  return body;
}

export type PayResponse = { status: number; location: string | null; html: string };

export type PayOptions = {
  /** Another server to post to (default: the page's own), so a form rendered by one server can be submitted to another. */
  baseUrl?: string;
  card?: string;
  /** Pay by SEPA Direct Debit with this IBAN instead of a card. */
  sepaIban?: string;
  /** Headers on both requests, as a client (or a proxy in front of Caisse) would send them. */
  headers?: Record<string, string>;
  /** More fields, as the customer fills or ticks them (e.g. the Caisse Pass box and its phone). */
  extra?: Record<string, string>;
};

/** Posts the hosted page's pay form at `sessionUrl` with a test card (4242… unless `card`), as a browser without JavaScript does. */
export async function postPayForm(sessionUrl: string, options: PayOptions = {}): Promise<PayResponse> {
  const html = await (await fetch(sessionUrl, { headers: options.headers })).text();
  const form = [...html.matchAll(/<form[\s\S]*?<\/form>/g)].map((m) => m[0]).find((f) => f.includes('name="card.number"'));
  if (!form) throw new Error(`The page at ${sessionUrl} has no pay form`);
  const body = hiddenFields(form);
  const year = String((new Date().getUTCFullYear() + 5) % 100).padStart(2, '0');
  const method: Record<string, string> = options.sepaIban
    ? { method: 'sepa_debit', 'sepa.iban': options.sepaIban, 'sepa.name': 'Jenny Rosen' }
    : {
        'card.number': options.card ?? '4242 4242 4242 4242',
        'card.expiry': `12 / ${year}`,
        'card.cvc': '123',
        'card.name': 'Jenny Rosen',
      };
  const fields = { email: 'jenny@example.com', ...method, 'billing.country': 'FR', 'billing.postal_code': '75001', ...options.extra };
  for (const [k, v] of Object.entries(fields)) body.append(k, v);
  const page = new URL(sessionUrl);
  const target = options.baseUrl ? new URL(page.pathname + page.search, options.baseUrl) : page;
  const res = await fetch(target, { method: 'POST', body, redirect: 'manual', headers: options.headers });
  return { status: res.status, location: res.headers.get('location'), html: await res.text() };
}

/**
 * Posts the page's form with only an email, as a browser without JavaScript does: all a card-less trial
 * (payment_method_collection=if_required) asks for. Returns the answer and the form it posted.
 */
export async function postEmailOnly(sessionUrl: string, email: string): Promise<{ status: number; form: string }> {
  const headers = { 'x-forwarded-for': randomClientAddress() };
  const html = await (await fetch(sessionUrl, { headers })).text();
  const form = [...html.matchAll(/<form[\s\S]*?<\/form>/g)].map((m) => m[0]).find((f) => f.includes('data-testid="pay-button"'));
  if (!form) throw new Error(`The page at ${sessionUrl} has no pay form`);
  const body = hiddenFields(form);
  body.append('email', email);
  const res = await fetch(sessionUrl, { method: 'POST', body, redirect: 'manual', headers });
  return { status: res.status, form };
}

/** Pays a hosted session with 4242 4242 4242 4242 (see postPayForm). */
export async function payWithoutJavaScript(sessionUrl: string, baseUrl?: string): Promise<{ status: number; location: string | null }> {
  const { status, location } = await postPayForm(sessionUrl, { baseUrl });
  return { status, location };
}

/**
 * Answers the test processor's 3-D Secure challenge at /c/{id}/authenticate as its page's form does
 * (the button pressed posts its own `result`), with the headers the payment was posted with.
 */
export async function completeChallenge(
  sessionUrl: string,
  result: 'complete' | 'fail' = 'complete',
  headers?: Record<string, string>,
): Promise<number> {
  const url = new URL(`${new URL(sessionUrl).pathname}/authenticate`, sessionUrl);
  const html = await (await fetch(url, { headers })).text();
  const form = /<form[\s\S]*?<\/form>/.exec(html)?.[0];
  if (!form) throw new Error(`The challenge page at ${url.href} has no form`);
  const body = hiddenFields(form);
  body.append('result', result);
  return (await fetch(url, { method: 'POST', body, redirect: 'manual', headers })).status;
}

/**
 * Posts one of the hosted page's forms as a browser without JavaScript does: the first form whose HTML
 * includes `marker`, with its hidden fields and `fields` (the pay form with a saved card chosen, say).
 */
export async function postPageForm(
  sessionUrl: string,
  marker: string,
  fields: Record<string, string>,
  headers: Record<string, string> = { 'x-forwarded-for': randomClientAddress() },
): Promise<PayResponse> {
  const html = await (await fetch(sessionUrl, { headers })).text();
  const form = [...html.matchAll(/<form[\s\S]*?<\/form>/g)].map((m) => m[0]).find((f) => f.includes(marker));
  if (!form) throw new Error(`The page at ${sessionUrl} has no form with ${marker}`);
  const body = hiddenFields(form);
  for (const [k, v] of Object.entries(fields)) body.append(k, v);
  const res = await fetch(sessionUrl, { method: 'POST', body, redirect: 'manual', headers });
  return { status: res.status, location: res.headers.get('location'), html: await res.text() };
}

/** Answers a 3-D Secure challenge page at `url` (a payment intent's /a/… page) as its form does; the answer's status and Location. */
export async function answerChallengeAt(url: string, result: 'complete' | 'fail'): Promise<{ status: number; location: string | null }> {
  const html = await (await fetch(url)).text();
  const form = /<form[\s\S]*?<\/form>/.exec(html)?.[0];
  if (!form) throw new Error(`The challenge page at ${url} has no form`);
  const body = hiddenFields(form);
  body.append('result', result);
  const res = await fetch(url, { method: 'POST', body, redirect: 'manual' });
  return { status: res.status, location: res.headers.get('location') };
}
