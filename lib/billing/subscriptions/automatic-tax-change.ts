import type { Queryable } from '@/db/client';
import { subscriptionItemsOf, type SubscriptionChanges, type SubscriptionRow } from '@/db/queries/subscriptions';
import { noHeadOffice } from '@/lib/checkout/automatic-tax';
import { taxRatesRefused } from '@/lib/checkout/session-rules';
import { merchantTax } from '@/lib/tax/merchant-tax';

/**
 * `automatic_tax[enabled]` on a subscription update: turned on only where the account's tax settings have a
 * head office and no tax rate is left on the subscription (`defaultTaxRateIds`, as this update leaves them) or
 * its items, since automatic tax decides every rate; turned off at any time (the items are then untaxed until
 * rates are set). It applies from the next invoice made.
 */
export async function automaticTaxChange(
  db: Queryable,
  sub: SubscriptionRow,
  p: { enabled: boolean; defaultTaxRateIds: readonly string[]; now: Date },
): Promise<SubscriptionChanges> {
  if (!p.enabled || sub.automaticTax) return { automaticTax: p.enabled };
  const { settings } = await merchantTax(db, sub.accountId, p.now);
  if (!settings.headOffice) throw noHeadOffice();
  if (p.defaultTaxRateIds.length) throw taxRatesRefused('default_tax_rates');
  const items = await subscriptionItemsOf(db, { accountId: sub.accountId, subscriptionIds: [sub.id] });
  const taxed = items.findIndex((i) => i.taxRateIds.length > 0);
  if (taxed >= 0) throw taxRatesRefused(`items[${taxed}][tax_rates]`);
  return { automaticTax: true };
}
