import type { Db } from '@/db/client';
import { findPriceByLookupKey } from '@/db/queries/prices';
import { parseParams } from '@/lib/api/parse-params';
import { createPrice } from '@/lib/catalog/prices';
import { createPriceSchema } from '@/lib/validation/prices';
import { createSessionRow } from '@/lib/checkout/create-session';
import { sessionObject } from '@/lib/checkout/session-reads';

const DEMO_LOOKUP_KEY = 'caisse_demo_tshirt';

/** The demo catalog: one price (and its product), found by its lookup key, made on first use through the catalog like any other. */
async function demoPrice(db: Db, accountId: string): Promise<string> {
  const found = await findPriceByLookupKey(db, { accountId, lookupKey: DEMO_LOOKUP_KEY });
  if (found) return found.id;
  const params = parseParams(createPriceSchema, {
    currency: 'eur',
    unit_amount: 2500,
    lookup_key: DEMO_LOOKUP_KEY,
    product_data: { name: 'Caisse T-shirt' },
  });
  return (await createPrice(db, { accountId }, params)).id;
}

/** A fresh checkout session for the demo merchant, so a first start has a page to open. */
export async function createDemoSession(db: Db, accountId: string): Promise<{ url: string | null }> {
  const price = await demoPrice(db, accountId);
  const session = await createSessionRow(
    db,
    { accountId },
    {
      mode: 'payment',
      line_items: [{ price, quantity: 1, adjustable_quantity: { enabled: true, minimum: 1, maximum: 10 } }],
      success_url: 'https://example.com/success?session_id={CHECKOUT_SESSION_ID}',
      cancel_url: 'https://example.com/cart',
      allow_promotion_codes: true,
    },
  );
  return sessionObject(session, session.checkoutOrigin);
}
