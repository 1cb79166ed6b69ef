import type { Db } from '@/db/client';
import { insertLineItems } from '@/db/queries/checkout-line-items';
import { insertSession, openRecoveryOf, sessionLineItems } from '@/db/queries/checkout-sessions';
import { lockSessionById } from '@/db/queries/public-session';
import { newId, newSessionId, randomBase62 } from '@/lib/util/ids';
import { unix } from '@/lib/util/time';
import { AmountTooLargeError } from '@/lib/pricing/amount-limit';
import { withFieldValue } from './collected-details';
import { reprice } from './reprice';
import { MAX_EXPIRY_SECONDS } from './session-rules';
import { recoveredSetupIntentId } from './setup-intent-steps';

/**
 * after_expiration.recovery: opening the recovery link of an expired session
 * makes a new open session with the same items and settings (recovered_from
 * set). Opening it again leads to the same new session while it is open.
 */
export async function recoverSession(
  db: Db,
  expiredId: string,
  now = new Date(),
): Promise<{ id: string } | { refused: 'not_found' | 'not_recoverable' }> {
  try {
    return await copyExpired(db, expiredId, now);
  } catch (err) {
    // Without the customer's promotion code the same cart may cost more than can be charged: nothing is made.
    if (err instanceof AmountTooLargeError) return { refused: 'not_recoverable' };
    throw err;
  }
}

async function copyExpired(db: Db, expiredId: string, now: Date): Promise<{ id: string } | { refused: 'not_found' | 'not_recoverable' }> {
  return db.transaction(async (tx) => {
    const old = await lockSessionById(tx, expiredId);
    if (!old) return { refused: 'not_found' as const };
    const recovery = old.afterExpiration?.recovery;
    if (old.status !== 'expired' || !recovery?.enabled || (recovery.expires_at !== null && recovery.expires_at < unix(now)))
      return { refused: 'not_recoverable' as const };
    const already = await openRecoveryOf(tx, { recoveredFrom: old.id });
    if (already) return already;
    const id = newSessionId(old.livemode);
    // The copy gets its own place in the insertion order.
    const copy = { ...old, seq: undefined };
    const setupIntentId = await recoveredSetupIntentId(tx, old, { sessionId: id, now });
    const fresh = await insertSession(tx, {
      ...copy,
      id,
      createdAt: now,
      expiresAt: new Date(now.getTime() + MAX_EXPIRY_SECONDS * 1000),
      status: 'open',
      // A setup session charges nothing: it stays no_payment_required, as when it was made.
      paymentStatus: old.mode === 'setup' ? 'no_payment_required' : 'unpaid',
      clientSecret: old.clientSecret ? `${id}_secret_${randomBase62(24)}` : null,
      customerDetails: null,
      collectedInformation: null,
      consent: null,
      paymentIntentId: null,
      setupIntentId,
      subscriptionId: null,
      completedAt: null,
      declinedAttempts: 0,
      afterExpiration: null,
      recoveredFrom: old.id,
      allowPromotionCodes: recovery.allow_promotion_codes || old.allowPromotionCodes,
      // A code the customer typed goes with the old session; the merchant's own coupon stays.
      discounts: old.discounts.filter((d) => d.promotion_code === null),
      customFields: old.customFields.map((f) => withFieldValue(f, null)),
      // Where the old customer was, their tax IDs and the rates locked then stay with the old session.
      automaticTax: { enabled: old.automaticTax.enabled },
      // Adaptive pricing chooses the new customer's currency again, from the merchant's (repriced below).
      adaptivePricing: { enabled: old.adaptivePricing.enabled, merchant_currency: old.adaptivePricing.merchant_currency },
    });
    const lines = await sessionLineItems(tx, { accountId: old.accountId, sessionId: old.id, includeUnselected: true });
    await insertLineItems(
      tx,
      lines.map(({ line }) => ({ ...line, id: newId('li'), sessionId: id })),
    );
    await reprice(tx, fresh);
    return { id };
  });
}
