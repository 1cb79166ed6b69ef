import type Stripe from 'stripe';
import { oneTimePrice, SUCCESS_URL } from '../support/catalog';
import { defined } from '../support/defined';
import { postPayForm } from './pay-without-javascript';

// Shared by the charges, capture and payment-method API tests: a session made through the SDK and paid on
// its hosted page as a browser without JavaScript pays it.

const decode = (s: string) => s.replaceAll('&quot;', '"').replaceAll('&#x27;', "'").replaceAll('&amp;', '&');

/**
 * Answers the test processor's 3-D Secure challenge at /c/{id}/authenticate as its page's form does
 * (the button pressed posts its own `result`).
 */
export async function completeChallenge(sessionUrl: string, result: 'complete' | 'fail' = 'complete'): Promise<number> {
  const url = new URL(`${new URL(sessionUrl).pathname}/authenticate`, sessionUrl);
  const html = await (await fetch(url)).text();
  const form = /<form[\s\S]*?<\/form>/.exec(html)?.[0];
  if (!form) throw new Error(`The challenge page at ${url.href} has no form`);
  const body = new FormData();
  for (const m of form.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?\/>/g)) body.append(m[1], decode(m.at(2) ?? ''));
  body.append('result', result);
  return (await fetch(url, { method: 'POST', body, redirect: 'manual' })).status;
}

/** One €25.00 item (unless `unitAmount`), session options as given, paid with `card` (4242… by default) or a SEPA IBAN. */
export async function paidSession(
  stripe: Stripe,
  p: { params?: Partial<Stripe.Checkout.SessionCreateParams>; card?: string; sepaIban?: string; unitAmount?: number } = {},
): Promise<Stripe.Checkout.Session> {
  const price = await oneTimePrice(stripe, p.unitAmount ?? 2500, 'eur');
  const created = await stripe.checkout.sessions.create({
    mode: 'payment',
    line_items: [{ price: price.id, quantity: 1 }],
    success_url: SUCCESS_URL,
    ...(p.sepaIban ? { payment_method_types: ['card', 'sepa_debit'] } : {}),
    ...p.params,
  });
  const url = defined(created.url, 'session.url');
  const paid = await postPayForm(url, { card: p.card, sepaIban: p.sepaIban });
  if (paid.status !== 303) throw new Error(`Paying ${created.id} answered ${paid.status}`);
  if (paid.location?.includes('/authenticate')) await completeChallenge(url);
  const session = await stripe.checkout.sessions.retrieve(created.id);
  if (session.status !== 'complete') throw new Error(`${created.id} is ${session.status} after paying`);
  return session;
}

/** A paid session's PaymentIntent id. */
export const intentOf = (session: Stripe.Checkout.Session) => defined(session.payment_intent as string | null, 'session.payment_intent');
