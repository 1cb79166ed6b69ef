import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { prices, products } from '@/db/schema';
import { createSession } from '@/lib/checkout/create-session';
import { sessionObject } from '@/lib/checkout/session-reads';
import { getSessionOrThrow } from '@/db/queries/checkout-sessions';
import { newId } from '@/lib/util/ids';

const DEMO_LOOKUP_KEY = 'caisse_demo_tshirt';

/** The demo catalog: one product with a price found by its lookup key, made on first use. */
async function demoPrice(db: Db, accountId: string): Promise<string> {
  const found = await db.select({ id: prices.id }).from(prices).where(and(eq(prices.accountId, accountId), eq(prices.lookupKey, DEMO_LOOKUP_KEY))).limit(1);
  if (found[0]) return found[0].id;
  return db.transaction(async (tx) => {
    const productId = newId('prod');
    await tx.insert(products).values({ id: productId, accountId, name: 'Caisse T-shirt', description: 'Organic cotton, printed in Lyon' });
    const [price] = await tx
      .insert(prices)
      .values({ id: newId('price'), accountId, productId, currency: 'eur', unitAmount: 2500, unitAmountDecimal: '2500', type: 'one_time', lookupKey: DEMO_LOOKUP_KEY })
      .returning({ id: prices.id });
    return price.id;
  });
}

/** A fresh checkout session for the demo merchant, so a first start has a page to open. */
export async function createDemoSession(db: Db, accountId: string): Promise<{ url: string | null }> {
  const price = await demoPrice(db, accountId);
  const id = await createSession(db, { accountId }, {
    mode: 'payment',
    line_items: [{ price, quantity: 1, adjustable_quantity: { enabled: true, minimum: 1, maximum: 10 } }],
    success_url: 'https://example.com/success?session_id={CHECKOUT_SESSION_ID}',
    cancel_url: 'https://example.com/cart',
    allow_promotion_codes: true,
  });
  return sessionObject(await getSessionOrThrow(db, { accountId, id }));
}
