import type { Db, Tx } from '@/db/client';
import { deleteSessionLineItems, insertLineItems, updateLineItemFields } from '@/db/queries/checkout-line-items';
import { pricesByIds, productsByIds, taxRatesByIds } from '@/db/queries/checkout-refs';
import { sessionLineItems, updateSessionFields, type SessionFields, type SessionRow } from '@/db/queries/checkout-sessions';
import { invalidRequest } from '@/lib/api/errors';
import { mergeMetadata } from '@/lib/api/params';
import { newId } from '@/lib/util/ids';
import type { UpdateCheckoutSessionParams } from '@/lib/validation/checkout-sessions';
import { merchantCurrency } from './adaptive-pricing';
import { unitAmountIn } from './pricing-input';
import type { AmountCulprit } from '@/lib/pricing/amount-limit';
import { withinChargeLimit } from './charge-limit';
import { reprice } from './reprice';
import { resolveShippingOptions } from './resolve-extras';
import { namedTaxRates } from './resolve-line-items';
import { ratesWithAutomaticTax } from './session-rules';
import { sessionObjectWithUrl } from './session-reads';
import { lockSessionOrThrow } from '@/lib/api/get-or-throw';
import type { AccountScope } from '@/db/scope';

/**
 * The whole line_items array is resent: ids update, no id adds, missing ids are removed.
 * Returns each line's parameter (`line_items[1]`) by line id, for errors on the new totals.
 */
async function replaceLineItems(
  tx: Tx,
  session: SessionRow,
  given: NonNullable<UpdateCheckoutSessionParams['line_items']>,
): Promise<Map<string, string>> {
  const current = (await sessionLineItems(tx, { accountId: session.accountId, sessionId: session.id, includeUnselected: true })).map(
    (r) => r.line,
  );
  const byId = new Map(current.filter((l) => !l.optional).map((l) => [l.id, l]));
  const newPrices = await pricesByIds(
    tx,
    session.accountId,
    given.flatMap((g) => (!g.id && g.price ? [g.price] : [])),
  );
  const products = await productsByIds(
    tx,
    session.accountId,
    [...newPrices.values()].map((p) => p.productId),
  );
  const taxMap = await taxRatesByIds(
    tx,
    session.accountId,
    given.flatMap((g) => g.tax_rates ?? []),
    { manualOnly: true },
  );
  const keep = new Set<string>();
  const params = new Map<string, string>();
  let position = Math.max(0, ...current.map((l) => l.position)) + 1;
  for (const [i, g] of given.entries()) {
    const at = `line_items[${i}]`;
    // Rates the merchant names are the account's own and active, and only where automatic tax does not decide them.
    if (g.tax_rates?.length && session.automaticTax.enabled) throw ratesWithAutomaticTax(at);
    namedTaxRates(taxMap, g.tax_rates ?? [], at);
    if (g.id) {
      const line = byId.get(g.id);
      if (!line) throw invalidRequest(`No such line item: '${g.id}'`, `${at}[id]`, 'resource_missing');
      if (g.price && g.price !== line.priceId)
        throw invalidRequest('The price of an existing line item cannot be changed; remove it and add a new one.', `${at}[price]`);
      keep.add(g.id);
      params.set(g.id, at);
      const set = {
        ...(g.quantity !== undefined && { quantity: g.quantity }),
        ...(g.adjustable_quantity && {
          adjustableQuantity: {
            enabled: g.adjustable_quantity.enabled,
            minimum: g.adjustable_quantity.minimum ?? 0,
            maximum: g.adjustable_quantity.maximum ?? 99,
          },
        }),
        ...(g.tax_rates !== undefined && { taxRateIds: g.tax_rates }),
        ...(g.metadata !== undefined && { metadata: mergeMetadata(line.metadata, g.metadata) }),
      };
      // `{ id }` alone keeps a line as it is (an empty SET is not SQL).
      if (Object.keys(set).length) await updateLineItemFields(tx, { accountId: session.accountId, id: line.id, set });
    } else {
      if (!g.price) throw invalidRequest(`price is required for a new line item in ${at}.`, `${at}[price]`, 'parameter_missing');
      const price = newPrices.get(g.price);
      if (!price) throw invalidRequest(`No such price: '${g.price}'`, `${at}[price]`, 'resource_missing');
      if (!price.active) throw invalidRequest('The price specified is inactive. This field only accepts active prices.', `${at}[price]`);
      // In the merchant's currency, whichever adaptive pricing shows the customer.
      const currency = merchantCurrency(session);
      if (currency === null || !unitAmountIn(price, currency))
        throw invalidRequest(`The price ${price.id} is not available in ${currency}.`, `${at}[price]`);
      if (price.type === 'recurring') throw invalidRequest('Recurring prices can only be used in subscription mode.', `${at}[price]`);
      if (g.quantity === undefined)
        throw invalidRequest(`quantity is required for a new line item in ${at}.`, `${at}[quantity]`, 'parameter_missing');
      const aq = g.adjustable_quantity;
      const id = newId('li');
      params.set(id, at);
      await insertLineItems(tx, [
        {
          id,
          sessionId: session.id,
          accountId: session.accountId,
          position: position++,
          priceId: price.id,
          productId: price.productId,
          quantity: g.quantity,
          adjustableQuantity: aq ? { enabled: aq.enabled, minimum: aq.minimum ?? 0, maximum: aq.maximum ?? 99 } : null,
          taxRateIds: g.tax_rates ?? [],
          description: products.get(price.productId)?.name ?? null,
          metadata: mergeMetadata({}, g.metadata),
        },
      ]);
    }
  }
  const removed = [...byId.keys()].filter((id) => !keep.has(id));
  if (removed.length) await deleteSessionLineItems(tx, { sessionId: session.id, ids: removed });
  const after = await sessionLineItems(tx, { accountId: session.accountId, sessionId: session.id });
  if (!after.some((r) => r.line.quantity > 0))
    throw invalidRequest('A Checkout Session needs at least one line item with a quantity above 0.', 'line_items');
  return params;
}

/** POST /v1/checkout/sessions/:id — metadata on any session; line items and shipping options while open. */
export async function updateSession(db: Db, scope: AccountScope & { id: string }, p: UpdateCheckoutSessionParams) {
  if (p.collected_information !== undefined)
    throw invalidRequest('collected_information cannot be updated through Caisse yet.', 'collected_information');
  return db.transaction(async (tx) => {
    let session = await lockSessionOrThrow(tx, scope);
    const changesCart = p.line_items !== undefined || p.shipping_options !== undefined;
    if (changesCart && session.status !== 'open')
      throw invalidRequest(
        `This Checkout Session is ${session.status}: only open sessions can change their line items or shipping options.`,
        p.line_items ? 'line_items' : 'shipping_options',
      );
    if (p.line_items && session.mode !== 'payment') throw invalidRequest('line_items can only be updated in payment mode.', 'line_items');
    const lineParams = p.line_items ? await replaceLineItems(tx, session, p.line_items) : new Map<string, string>();
    const set: SessionFields = {};
    if (p.metadata !== undefined) set.metadata = mergeMetadata(session.metadata, p.metadata);
    if (p.shipping_options !== undefined) {
      if (p.shipping_options.length > 5) throw invalidRequest('At most 5 shipping_options are allowed.', 'shipping_options');
      const options = await resolveShippingOptions(tx, scope.accountId, p.shipping_options, merchantCurrency(session));
      set.shippingOptions = options.map((o) => ({ shipping_rate: o.rate.id, shipping_amount: o.amount }));
      set.shippingRateId = options[0]?.rate.id ?? null;
    }
    if (Object.keys(set).length) session = await updateSessionFields(tx, { accountId: session.accountId, id: session.id, set });
    if (changesCart) {
      // Too much rolls the whole update back: the session keeps its cart.
      const paramOf = (c: AmountCulprit) => {
        if (c.kind === 'shipping') return 'shipping_options';
        const at = lineParams.get(c.key);
        return at ? `${at}[quantity]` : 'line_items';
      };
      const current = session;
      // A session with a cart has its currency.
      if (current.currency === null) throw new Error(`updateSession: session ${current.id} has a cart but no currency`);
      session = await withinChargeLimit(current.currency, 'total', paramOf, () => reprice(tx, current));
    }
    return sessionObjectWithUrl(tx, session);
  });
}
