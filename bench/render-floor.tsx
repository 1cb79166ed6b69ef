// The floor for the checkout page's render throughput: a bare node:http server answering GET /c/:id with React's
// renderToString of the page's component tree (the order summary, the pay label and the pay form, under next-intl,
// with the props the page computes for a session like the bench's), with no framework, no database and no proxy. Run
// as a process of its own in production mode (NODE_ENV=production, as Next serves); prints its URL, stops on SIGTERM.
// Left out: the merchant header (an async server component, which renderToString cannot render; a few elements).
import { createServer } from 'node:http';
import type { CSSProperties } from 'react';
import { renderToString } from 'react-dom/server';
import { NextIntlClientProvider } from 'next-intl';
import { OrderSummary } from '@/components/checkout/order-summary';
import { PassPanel } from '@/components/checkout/pass-panel';
import { PayForm } from '@/components/checkout/pay-form';
import { PayLabel } from '@/components/checkout/pay-label';
import { addressFormData } from '@/lib/addresses/page-address-data';
import { themeToCssVars } from '@/lib/branding/css-vars';
import { mergeBranding, resolveTheme } from '@/lib/branding/theme';
import { countryOptions } from '@/lib/checkout/country-options';
import type { CartAction, PayAction } from '@/lib/checkout/page-state';
import type { PassAction } from '@/lib/pass/pass-panel-state';
import { plainConfirmConfig, plainPageLine, plainPageView } from '@/lib/checkout/plain-page-view';
import { COUNTRY_CODES } from '@/lib/validation/countries';
import en from '@/messages/en.json';

const ALL_COUNTRIES = [...COUNTRY_CODES].sort();
const locale = 'en';
const cart: CartAction = () => Promise.resolve({ error: null });
const pay: PayAction = () => Promise.resolve({ result: null, values: {} });
const pass: PassAction = (state) => Promise.resolve(state);

/**
 * The page's tree for a session like the bench's (one 25.00 USD T-shirt, card only, Caisse Pass offered to a customer not
 * signed in), every prop computed per render as the page does.
 */
function page(sessionId: string) {
  const view = plainPageView({
    id: sessionId,
    currency: 'usd',
    merchant: { name: 'Bench Shop', logoUrl: null },
    lines: [plainPageLine('li_1', 'Bench T-shirt', 2500, 1)],
  });
  const config = { ...plainConfirmConfig(), passOptIn: true };
  const theme = resolveTheme(mergeBranding(view.merchant.branding, view.brandingSettings));
  return (
    <html lang={locale} dir="ltr">
      <body>
        <div style={themeToCssVars(theme) as CSSProperties} className="min-h-screen bg-[var(--ck-bg)]">
          {/* Every message, as the page's server components read theirs from next-intl's request config. */}
          <NextIntlClientProvider locale={locale} messages={en} timeZone="UTC">
            <main className="mx-auto grid max-w-5xl gap-10 p-4 md:grid-cols-2 md:p-10">
              <div>
                <OrderSummary view={view} locale={locale} actions={{ quantity: cart, optional: cart, promotion: cart }} />
              </div>
              <div className="space-y-6">
                <PassPanel action={pass} signOutAction={() => Promise.resolve()} signedInAs={null} />
                <PayForm
                  config={config}
                  lockedEmail={null}
                  customFields={[]}
                  texts={{ submit: null, terms: null, shipping: null, afterSubmit: null }}
                  countries={{ billing: countryOptions(ALL_COUNTRIES, locale), shipping: [] }}
                  payLabel={<PayLabel view={view} locale={locale} />}
                  merchantName={view.merchant.name}
                  notice={null}
                  challenge={null}
                  action={pay}
                  address={addressFormData(sessionId, locale, {
                    acceptLanguage: 'en-US',
                    sessionLocale: null,
                    billing: ALL_COUNTRIES,
                    shipping: null,
                  })}
                />
              </div>
            </main>
          </NextIntlClientProvider>
        </div>
      </body>
    </html>
  );
}

const html = renderToString(page('cs_test_check'));
if (!html.includes('Bench T-shirt') || !html.includes('name="card.number"'))
  throw new Error('The render floor lacks the page’s cart or card fields');

const server = createServer((req, res) => {
  const id = /^\/c\/([A-Za-z0-9_]+)$/.exec(req.url ?? '')?.[1];
  if (req.method !== 'GET' || !id) {
    res.writeHead(404).end();
    return;
  }
  const body = `<!DOCTYPE html>${renderToString(page(id))}`;
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  res.end(body);
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the render floor has no port');
  console.log(`http://127.0.0.1:${address.port}`);
});
process.once('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
