import { eq, sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import type { StoredTaxAmount } from '@/db/schema/checkout-json';
import { sessionLineItems, type SessionRow } from '@/db/queries/checkout-sessions';
import { taxRatesByIds } from '@/db/queries/checkout-refs';
import { checkoutSessions } from '@/db/schema';
import { invalidRequest } from '@/lib/api/errors';
import { createdFilter, listObject, listPage, type ListParams } from '@/lib/api/list';
import { serializeSession } from '@/lib/api/serialize/checkout-session';
import { serializeSessionDiscount } from '@/lib/api/serialize/discount';
import { serializeLineItem } from '@/lib/api/serialize/line-item';
import { serializeTaxRate } from '@/lib/api/serialize/tax-rate';
import { checkoutOriginFor, checkoutOriginOf } from '@/lib/domains/checkout-origin';
import { env } from '@/lib/env';
import type { ListCheckoutSessionsParams } from '@/lib/validation/checkout-sessions';
import { isEmbedded } from './ui-mode';
import { getSessionAndCheckoutDomainOrThrow, getSessionOrThrow } from '@/lib/api/get-or-throw';
import type { AccountScope } from '@/db/scope';

/** `origin`: where the hosted page lives, APP_URL unless the account has a custom domain (checkoutOriginFor). */
export const sessionObject = (row: SessionRow, origin = env().APP_URL) => serializeSession(row, origin);

// Only an open hosted session has a url: the account's checkout origin is read for those alone.
const hasUrl = (row: SessionRow) => row.status === 'open' && !isEmbedded(row.uiMode);

/** The session object with its url on the account's checkout origin. */
export async function sessionObjectWithUrl(db: Queryable, row: SessionRow) {
  return sessionObject(row, hasUrl(row) ? await checkoutOriginFor(db, row.accountId) : undefined);
}

/** GET /v1/checkout/sessions/:id: the session and its account's checkout domain read in one statement. */
export async function retrieveSession(db: Queryable, scope: AccountScope & { id: string }) {
  const { session, checkoutDomain } = await getSessionAndCheckoutDomainOrThrow(db, scope);
  return sessionObject(session, hasUrl(session) ? checkoutOriginOf(checkoutDomain) : undefined);
}

export async function listSessions(db: Queryable, scope: AccountScope, p: ListCheckoutSessionsParams) {
  if (p.customer_account || p.payment_link)
    throw invalidRequest(
      `Filtering by ${p.customer_account ? 'customer_account' : 'payment_link'} is not supported by Caisse.`,
      p.customer_account ? 'customer_account' : 'payment_link',
    );
  const s = checkoutSessions;
  const { rows, hasMore } = await listPage(db, s, {
    accountId: scope.accountId,
    kind: 'checkout.session',
    params: p,
    filters: [
      p.status ? eq(s.status, p.status) : undefined,
      p.customer ? eq(s.customerId, p.customer) : undefined,
      p.payment_intent ? eq(s.paymentIntentId, p.payment_intent) : undefined,
      p.subscription ? eq(s.subscriptionId, p.subscription) : undefined,
      p.customer_details ? sql`lower(${s.customerDetails}->>'email') = lower(${p.customer_details.email})` : undefined,
      ...createdFilter(s.createdAt, p.created),
    ],
  });
  const origin = rows.some(hasUrl) ? await checkoutOriginFor(db, scope.accountId) : undefined;
  return listObject(
    '/v1/checkout/sessions',
    rows.map((r) => sessionObject(r, origin)),
    hasMore,
  );
}

async function refsFor(db: Queryable, accountId: string, session: SessionRow, taxRateIds: string[]) {
  const rates = await taxRatesByIds(db, accountId, taxRateIds);
  return {
    taxRates: new Map([...rates.values()].map((r) => [r.id, serializeTaxRate(r) as Record<string, unknown>])),
    // Automatic tax's rates say why they apply (Stripe's taxability_reason); a merchant's own rates do not.
    taxabilityReasons: new Map([...rates.values()].map((r) => [r.id, r.taxabilityReason])),
    discounts: new Map(session.discounts.map((d) => [d.id, serializeSessionDiscount(session, d) as Record<string, unknown>])),
  };
}

/** GET /v1/checkout/sessions/:id/line_items, and `expand[]=line_items`. */
export async function listSessionLineItems(db: Queryable, scope: AccountScope & { sessionId: string }, params: ListParams = {}) {
  const session = await getSessionOrThrow(db, { accountId: scope.accountId, id: scope.sessionId });
  const rows = await sessionLineItems(db, { accountId: scope.accountId, sessionId: session.id });
  const cursor = params.starting_after ?? params.ending_before;
  let start = 0;
  let end = rows.length;
  if (cursor) {
    const at = rows.findIndex((r) => r.line.id === cursor);
    if (at < 0)
      throw invalidRequest(
        `No such line item: '${cursor}'`,
        params.starting_after ? 'starting_after' : 'ending_before',
        'resource_missing',
      );
    if (params.starting_after) start = at + 1;
    else end = at;
  }
  const limit = params.limit ?? 10;
  const window = params.ending_before ? rows.slice(Math.max(start, end - limit), end) : rows.slice(start, start + limit);
  const hasMore = params.ending_before ? end - limit > start : start + limit < end;
  const refs = await refsFor(db, scope.accountId, session, [
    ...new Set(window.flatMap((r) => [...r.line.taxRateIds, ...r.line.taxes.map((t) => t.rate)])),
  ]);
  const data = window.map((r) => serializeLineItem(r.line, r.price, session.currency ?? r.price.currency, refs));
  return listObject(`/v1/checkout/sessions/${session.id}/line_items`, data, hasMore);
}

/** `expand[]=shipping_cost.taxes`: the taxes on the shipping chosen, each with its Tax Rate (an empty list without shipping). */
export async function sessionShippingTaxes(db: Queryable, scope: AccountScope & { sessionId: string }) {
  const session = await getSessionOrThrow(db, { accountId: scope.accountId, id: scope.sessionId });
  const taxes = session.shippingCost?.taxes ?? [];
  const refs = await refsFor(
    db,
    scope.accountId,
    session,
    taxes.map((t) => t.rate),
  );
  return taxes.map((t) => taxAmount(t, refs));
}

/** One stored tax amount as Stripe shows it: its Tax Rate and the reason it applies. */
function taxAmount(t: StoredTaxAmount, refs: Awaited<ReturnType<typeof refsFor>>) {
  return {
    amount: t.amount,
    rate: refs.taxRates.get(t.rate) ?? t.rate,
    taxability_reason: refs.taxabilityReasons.get(t.rate) ?? null,
    taxable_amount: t.taxable_amount,
  };
}

/** `expand[]=total_details.breakdown`: the discounts and tax rates behind the totals. */
export async function sessionBreakdown(db: Queryable, scope: AccountScope & { sessionId: string }) {
  const session = await getSessionOrThrow(db, { accountId: scope.accountId, id: scope.sessionId });
  const stored = session.totalDetails;
  if (!stored) return { discounts: [], taxes: [] };
  const refs = await refsFor(
    db,
    scope.accountId,
    session,
    stored.breakdown.taxes.map((t) => t.rate),
  );
  return {
    discounts: stored.breakdown.discounts.map((d) => ({ amount: d.amount, discount: refs.discounts.get(d.discount) ?? d.discount })),
    taxes: stored.breakdown.taxes.map((t) => taxAmount(t, refs)),
  };
}
