import { eq } from 'drizzle-orm';
import type { Queryable } from '../client';
import { accounts, checkoutSessions } from '../schema';
import { isEmbedded } from '@/lib/checkout/ui-mode';

/** Who may frame a checkout page: nobody for hosted sessions, the account's allowed origins for embedded ones. */
export async function framePolicyFor(db: Queryable, sessionId: string): Promise<string[] | 'none' | 'any'> {
  const [row] = await db
    .select({ uiMode: checkoutSessions.uiMode, origins: accounts.allowedEmbedOrigins })
    .from(checkoutSessions)
    .innerJoin(accounts, eq(accounts.id, checkoutSessions.accountId))
    .where(eq(checkoutSessions.id, sessionId))
    .limit(1);
  if (!row || !isEmbedded(row.uiMode)) return 'none';
  return row.origins.length ? row.origins : 'any';
}
