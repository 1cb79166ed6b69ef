import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomClientAddress } from '../support/client-address';
import { oneTimePrice, SUCCESS_URL } from '../support/catalog';
import { defined } from '../support/defined';
import { newMerchant, newMerchantOn, stripeError, testServerUrl } from '../support/merchant';
import { startTestServer, type TestServer } from '../support/test-server';
import { hiddenFields, postPayForm } from './pay-without-javascript';
import { startSmtpSink, type SmtpSink } from './smtp-sink';

// Caisse Pass without JavaScript, on a server of this file's own whose email goes to a mail server it reads.
let server: TestServer;
let sink: SmtpSink;
beforeAll(async () => {
  sink = await startSmtpSink();
  server = await startTestServer({ SMTP_URL: sink.url });
}, 120_000);
afterAll(async () => {
  await (server as TestServer | undefined)?.stop();
  await (sink as SmtpSink | undefined)?.close();
});

async function sessionOf(stripe: Stripe, extra: Partial<Stripe.Checkout.SessionCreateParams> = {}) {
  const price = await oneTimePrice(stripe, 2500, 'eur');
  return stripe.checkout.sessions.create({
    mode: 'payment',
    line_items: [{ price: price.id, quantity: 1 }],
    success_url: SUCCESS_URL,
    ...extra,
  });
}

const formsOf = (html: string) => [...html.matchAll(/<form[\s\S]*?<\/form>/g)].map((m) => m[0]);

/** Posts the Pass panel's form (the one whose hidden `step` is `step`) as a browser without JavaScript does. */
async function postPassForm(url: string, step: 'request' | 'answer', fields: Record<string, string>, headers: Record<string, string>) {
  const html = await (await fetch(url, { headers })).text();
  const form = defined(
    formsOf(html).find((f) => f.includes(`name="step" value="${step}"`)),
    `the Pass form for ${step}`,
  );
  const body = hiddenFields(form);
  for (const [k, v] of Object.entries(fields)) body.set(k, v);
  return fetch(url, { method: 'POST', body, redirect: 'manual', headers });
}

async function codeSentTo(email: string): Promise<string> {
  await expect.poll(() => sink.received.filter((m) => m.to.includes(email)).length, { timeout: 20_000 }).toBeGreaterThan(0);
  const mail = defined(sink.received.filter((m) => m.to.includes(email)).at(-1), 'the Pass email');
  return defined(/\b\d{6}\b/.exec(mail.text)?.[0], 'the code');
}

describe('wallet_options through the official SDK', () => {
  it('link.display is taken and echoed; an unknown value is a 400 naming it', async () => {
    const { stripe } = await newMerchant();
    expect((await sessionOf(stripe)).wallet_options).toBeNull();
    expect((await sessionOf(stripe, { wallet_options: { link: { display: 'never' } } })).wallet_options).toEqual({
      link: { display: 'never' },
    });
    const err = await stripeError(sessionOf(stripe, { wallet_options: { link: { display: 'sometimes' as 'never' } } }));
    expect(err).toMatchObject({ statusCode: 400, type: 'StripeInvalidRequestError', param: 'wallet_options[link][display]' });
  });

  it('the page offers Caisse Pass for a card payment unless display=never, and never for a subscription', async () => {
    const { stripe } = await newMerchant();
    const page = async (s: Stripe.Checkout.Session) => (await fetch(defined(s.url, 'url'))).text();
    expect(await page(await sessionOf(stripe))).toContain('data-testid="pass-panel"');
    expect(await page(await sessionOf(stripe, { wallet_options: { link: { display: 'never' } } }))).not.toContain(
      'data-testid="pass-panel"',
    );
    const monthly = await stripe.prices.create({
      currency: 'eur',
      unit_amount: 900,
      recurring: { interval: 'month' },
      product_data: { name: 'Plan' },
    });
    const sub = await stripe.checkout.sessions.create({
      mode: 'subscription',
      line_items: [{ price: monthly.id, quantity: 1 }],
      success_url: SUCCESS_URL,
    });
    expect(await page(sub)).not.toContain('data-testid="pass-panel"');
    // Embedded in the merchant's page, the sign-in cookie would be a third party's: no Pass there.
    const embedded = await sessionOf(stripe, { ui_mode: 'embedded', return_url: SUCCESS_URL, success_url: undefined });
    const framed = await (await fetch(`${testServerUrl()}/c/${embedded.id}`)).text();
    expect(framed).toContain('data-testid="pay-button"');
    expect(framed).not.toContain('data-testid="pass-panel"');
  });
});

describe('Caisse Pass without JavaScript', () => {
  it('joined on A, the code from the email signs in on B (an HttpOnly cookie for that page only) and the Pass card pays B', async () => {
    const email = `nojs-${Date.now()}@example.com`;
    const a = await newMerchantOn(server, 'Shop A');
    const first = await sessionOf(a.stripe);
    const headers = { 'x-forwarded-for': randomClientAddress() };
    const joined = await postPayForm(defined(first.url, 'url'), {
      headers,
      extra: { email, pass_opt_in: 'true', pass_phone: '+33 6 12 34 56 78' },
    });
    expect(joined.status).toBe(303);

    const b = await newMerchantOn(server, 'Shop B');
    const second = await sessionOf(b.stripe);
    const url = defined(second.url, 'url');
    const asked = await postPassForm(url, 'request', { pass_email: email }, headers);
    expect(asked.status).toBe(200);
    const askedHtml = await asked.text();
    expect(askedHtml).toContain('data-testid="pass-code-sent"');
    const code = await codeSentTo(email);

    // The code form is on the page that answered the request: posted as it is, with the code typed in.
    const codeForm = defined(
      formsOf(askedHtml).find((f) => f.includes('name="step" value="answer"')),
      'the code form',
    );
    const answer = hiddenFields(codeForm);
    answer.set('pass_code', code);
    const signedIn = await fetch(url, { method: 'POST', body: answer, redirect: 'manual', headers });
    expect(signedIn.status).toBe(303);
    const cookie = defined(signedIn.headers.get('set-cookie'), 'the sign-in cookie');
    expect(cookie).toMatch(/^caisse_pass=[A-Za-z0-9]{43};/);
    expect(cookie).toContain(`Path=/c/${second.id}`);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=lax/i);
    const token = cookie.split(';')[0];

    const signedPage = await (await fetch(url, { headers: { ...headers, cookie: token } })).text();
    expect(signedPage).toContain('data-testid="pass-signed-in"');
    expect(signedPage).toMatch(/<input id="saved-pass"[^>]*checked=""[^>]*value="pass"/);
    // The same cookie on another of B's pages opens nothing there.
    const third = await sessionOf(b.stripe);
    expect(await (await fetch(defined(third.url, 'url'), { headers: { ...headers, cookie: token } })).text()).not.toContain(
      'pass-signed-in',
    );

    const payForm = defined(
      formsOf(signedPage).find((f) => f.includes('data-testid="pay-button"')),
      'the pay form',
    );
    const pay = hiddenFields(payForm);
    pay.set('email', email);
    pay.set('saved_card', 'pass');
    const paid = await fetch(url, { method: 'POST', body: pay, redirect: 'manual', headers: { ...headers, cookie: token } });
    expect(paid.status).toBe(303);
    const done = await b.stripe.checkout.sessions.retrieve(second.id, { expand: ['payment_intent.payment_method'] });
    expect(done).toMatchObject({ status: 'complete', payment_status: 'paid', customer_details: { email } });
    expect(((done.payment_intent as Stripe.PaymentIntent).payment_method as Stripe.PaymentMethod).card?.last4).toBe('4242');
  });
});
