import { invalidRequest, missingParam } from '@/lib/api/errors';
import type { SubscriptionItemChangeParams } from '@/lib/validation/subscription-items';
import type { ItemChange } from './plan-item-changes';

/** `clear_usage` empties a metered item's usage: Caisse bills no usage, so asking for it is an error. */
export function refuseClearUsage(clearUsage: boolean | undefined, param: string): void {
  if (clearUsage) throw invalidRequest('clear_usage is only allowed for metered prices, and Caisse has no usage-based billing.', param);
}

/** A subscription update's `items[]` as changes: an id with `deleted` removes it, an id alone changes it, no id adds one. */
export function itemChangesFromParams(items: SubscriptionItemChangeParams[]): ItemChange[] {
  return items.map((item, i): ItemChange => {
    const param = `items[${i}]`;
    refuseClearUsage(item.clear_usage, `${param}[clear_usage]`);
    const fields = { quantity: item.quantity, taxRates: item.tax_rates, metadata: item.metadata };
    if (item.deleted) {
      if (!item.id) throw missingParam(`${param}[id]`);
      return { action: 'delete', param, id: item.id };
    }
    if (item.id) return { action: 'update', param, id: item.id, price: item.price, ...fields };
    if (!item.price) throw missingParam(`${param}[price]`);
    return { action: 'add', param, price: item.price, ...fields };
  });
}
