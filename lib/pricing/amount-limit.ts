import type { ExactLineTotals, ExactShippingTotals } from './exact-types';

/** What pushed a cart over the limit: a line (by key) or the shipping. */
export type AmountCulprit = { kind: 'line'; key: string } | { kind: 'shipping' };

/**
 * A cart whose subtotal or total is above the largest amount its currency can
 * be charged. Not a RangeError: the input is well formed, the customer or the
 * merchant simply asked for too much, and callers answer it as such.
 */
export class AmountTooLargeError extends Error {
  readonly amount: 'amountSubtotal' | 'amountTotal';
  readonly maximum: number;
  readonly culprit: AmountCulprit;

  constructor(amount: 'amountSubtotal' | 'amountTotal', maximum: bigint, culprit: AmountCulprit) {
    super(
      `${amount} would exceed ${maximum}, the largest amount the currency can be charged (${culprit.kind === 'line' ? `line ${culprit.key}` : 'shipping'})`,
    );
    this.name = 'AmountTooLargeError';
    this.amount = amount;
    this.maximum = Number(maximum);
    this.culprit = culprit;
  }
}

/**
 * Refuses a cart whose subtotal or total exceeds `maximum`. Every other amount
 * the engine returns is a part of one of these two (discounts of the subtotal,
 * taxes, shipping and line totals of the total), so they all stay within it too.
 * The culprit is where the running sum first crosses the limit.
 */
export function assertWithinLimit(lines: readonly ExactLineTotals[], shipping: ExactShippingTotals | null, maximum: bigint): void {
  const subtotals = lines.map((l) => ({ culprit: lineCulprit(l), amount: l.subtotal }));
  const totals = [
    ...lines.map((l) => ({ culprit: lineCulprit(l), amount: l.subtotal - l.discount + l.exclusiveTax })),
    ...(shipping ? [{ culprit: { kind: 'shipping' } as const, amount: shipping.subtotal + shipping.exclusiveTax }] : []),
  ];
  const overSubtotal = firstCrossing(subtotals, maximum);
  if (overSubtotal) throw new AmountTooLargeError('amountSubtotal', maximum, overSubtotal);
  const overTotal = firstCrossing(totals, maximum);
  if (overTotal) throw new AmountTooLargeError('amountTotal', maximum, overTotal);
}

const lineCulprit = (line: ExactLineTotals): AmountCulprit => ({ kind: 'line', key: line.key });

function firstCrossing(parts: readonly { culprit: AmountCulprit; amount: bigint }[], maximum: bigint): AmountCulprit | null {
  let sum = 0n;
  for (const part of parts) {
    sum += part.amount;
    if (sum > maximum) return part.culprit;
  }
  return null;
}
