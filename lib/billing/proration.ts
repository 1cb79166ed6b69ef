/**
 * Prorations as Stripe Billing makes them in classic billing mode, to the second: a change at `at` within the
 * period [start, end) credits the unused time of what was billed ("Unused time on 2 × Pro after 15 Jan 2027",
 * negative) and charges the remaining time of what replaces it ("Remaining time on 3 × Pro after …"). Each
 * line is unit amount × quantity × (end − at) / (end − start), rounded once, half away from zero, so a credit
 * is exactly the opposite of the charge it undoes. A percent-off discount in force is included in the amount
 * (classic mode's `proration_discounts: included`). Pure: no clock, no I/O.
 */
import { roundDiv, type Decimal } from '@/lib/money/decimal';

/** What an item bills per period: its exact unit amount (minor units), its quantity, the percent-off included. */
export type Billed = { unitAmount: Decimal; quantity: number; percentOff: Decimal | null };

/** Unix seconds: the period [start, end) and the moment of the change, start ≤ at ≤ end. */
export type ProrationWindow = { start: number; end: number; at: number };

function checkWindow(w: ProrationWindow): void {
  if (![w.start, w.end, w.at].every(Number.isSafeInteger)) throw new RangeError('Proration times must be whole seconds');
  if (!(w.start < w.end)) throw new RangeError('A proration period must end after it starts');
  if (w.at < w.start || w.at > w.end) throw new RangeError('A proration must be within its period');
}

function checkBilled(b: Billed): void {
  if (!Number.isSafeInteger(b.quantity) || b.quantity < 0) throw new RangeError('A quantity must be a non-negative integer');
  if (b.percentOff && b.percentOff.num > 100n * b.percentOff.den) throw new RangeError('percent_off is at most 100');
}

/** unit × quantity × part / whole, less the percent-off, rounded once (half away from zero). */
function share(b: Billed, part: bigint, whole: bigint): number {
  const pct = b.percentOff ?? { num: 0n, den: 1n };
  const keep = 100n * pct.den - pct.num;
  const amount = roundDiv(b.unitAmount.num * BigInt(b.quantity) * part * keep, b.unitAmount.den * whole * 100n * pct.den);
  // Callers keep a period's amount within what the currency can be charged; past this, a number would lose units.
  if (amount > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError('A proration amount must be a safe integer of minor units');
  return Number(amount);
}

/** What a whole period of `b` costs: no proration ever exceeds it. */
export function fullPeriodAmount(b: Billed): number {
  checkBilled(b);
  return share(b, 1n, 1n);
}

/** The charge for the time left after `at` (≥ 0). */
export function remainingTimeCharge(b: Billed, w: ProrationWindow): number {
  checkWindow(w);
  checkBilled(b);
  return share(b, BigInt(w.end - w.at), BigInt(w.end - w.start));
}

/** The credit for the time left after `at` that was billed and will not be used (≤ 0): the charge's exact opposite. */
export function unusedTimeCredit(b: Billed, w: ProrationWindow): number {
  const charge = remainingTimeCharge(b, w);
  return charge === 0 ? 0 : -charge;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "15 Jan 2027", in UTC, as Stripe dates its proration lines. */
export function prorationDate(at: number): string {
  const d = new Date(at * 1000);
  return `${String(d.getUTCDate()).padStart(2, '0')} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

export type ProrationKind = 'credit' | 'charge';

export function prorationDescription(kind: ProrationKind, quantity: number, product: string, at: number): string {
  return `${kind === 'credit' ? 'Unused time' : 'Remaining time'} on ${quantity} × ${product} after ${prorationDate(at)}`;
}

/** One side of an item's change: what it billed before, or bills after. */
export type ItemSide<T> = Billed & { product: string; ref: T };

export type ProrationLine<T> = { kind: ProrationKind; amount: number; description: string; quantity: number; ref: T };

/**
 * The prorations of one item's change: the credit of what it billed (none for a new item), then the charge of
 * what it bills now (none for a deleted one). An item whose price and quantity stay the same prorates nothing
 * (`same` says whether the two sides bill the same price); a line that comes to 0 is left out.
 */
export function itemProrations<T>(p: {
  before: ItemSide<T> | null;
  after: ItemSide<T> | null;
  same: boolean;
  window: ProrationWindow;
}): ProrationLine<T>[] {
  const { before, after, window } = p;
  if (before && after && p.same && before.quantity === after.quantity) return [];
  const lines: ProrationLine<T>[] = [];
  if (before) {
    const amount = unusedTimeCredit(before, window);
    const description = prorationDescription('credit', before.quantity, before.product, window.at);
    if (amount !== 0) lines.push({ kind: 'credit', amount, description, quantity: before.quantity, ref: before.ref });
  }
  if (after) {
    const amount = remainingTimeCharge(after, window);
    const description = prorationDescription('charge', after.quantity, after.product, window.at);
    if (amount !== 0) lines.push({ kind: 'charge', amount, description, quantity: after.quantity, ref: after.ref });
  }
  return lines;
}
