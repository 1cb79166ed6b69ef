import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convertAmount } from '@/lib/fx/convert';
import type { PageLine, SessionPageView } from './page-view';
import { presentView } from './present-view';

// The page in the customer's currency: what adds up in the merchant's currency still adds up once converted.

const line = (id: string, amountSubtotal: number): PageLine =>
  ({ id, name: id, description: null, unitAmount: amountSubtotal, amountSubtotal, amountTotal: amountSubtotal, quantity: 1 }) as PageLine;

function view(p: { lines: number[]; discount: number; shipping: number; taxes: number[]; inclusive?: boolean }): SessionPageView {
  const subtotal = p.lines.reduce((a, b) => a + b, 0);
  const tax = p.taxes.reduce((a, b) => a + b, 0);
  const total = subtotal - p.discount + p.shipping + (p.inclusive ? 0 : tax);
  return {
    currency: 'eur',
    lines: p.lines.map((amount, i) => line(`li_${i}`, amount)),
    optionalItems: [],
    totals: { subtotal, discount: p.discount, shipping: p.shipping, tax, total },
    automaticTax: {
      pending: false,
      taxes: p.taxes.map((amount, i) => ({ rateId: `txr_${i}`, taxType: 'vat', percentage: '19', amount, reason: null })),
    },
    shippingOptions: p.shipping ? [{ id: 'shr_1', name: 'Standard', amount: p.shipping, estimate: null }] : [],
    selectedShippingRateId: p.shipping ? 'shr_1' : null,
    recurring: null,
    discount: null,
  } as unknown as SessionPageView;
}

const inYen = (rate: string) => ({
  currency: 'eur',
  adaptivePricing: { enabled: true, presentment: { currency: 'jpy', rate, rate_date: '2026-12-04' } },
});

describe('presentView', () => {
  it('three lines of €3.33 at 180.85: ¥603 + ¥602 + ¥602 make the ¥1,807 subtotal (each alone rounds to ¥602)', () => {
    const shown = presentView(view({ lines: [333, 333, 333], discount: 0, shipping: 0, taxes: [] }), inYen('180.85'));
    expect(shown.lines.map((l) => l.amountSubtotal)).toEqual([603, 602, 602]);
    expect(shown.totals).toEqual({ subtotal: 1807, discount: 0, shipping: 0, tax: 0, total: 1807 });
  });

  it('lines add up to the subtotal, rows to the total (the amount charged), tax rows to the tax', () => {
    const cents = fc.integer({ min: 0, max: 1_000_000 });
    const rate = fc.constantFrom('180.85', '0.85774', '1.1713', '9.3472', '0.3078');
    fc.assert(
      fc.property(
        fc.array(cents, { minLength: 1, maxLength: 5 }),
        cents,
        cents,
        fc.array(fc.integer({ min: 0, max: 100_000 }), { maxLength: 3 }),
        fc.boolean(),
        rate,
        (lines, discountWish, shipping, taxes, inclusive, r) => {
          const discount = Math.min(
            discountWish,
            lines.reduce((a, b) => a + b, 0),
          );
          const v = view({ lines, discount, shipping, taxes, inclusive });
          const shown = presentView(v, inYen(r));
          const t = shown.totals;
          expect(shown.lines.reduce((a, l) => a + l.amountSubtotal, 0)).toBe(t.subtotal);
          expect(t.total).toBe(convertAmount(v.totals.total, 'eur', 'jpy', r));
          expect(t.subtotal - t.discount + t.shipping + (inclusive ? 0 : t.tax)).toBe(t.total);
          expect(shown.automaticTax?.taxes.reduce((a, x) => a + x.amount, 0)).toBe(taxes.length ? t.tax : 0);
          // Every amount stays within one yen of its own conversion.
          v.lines.forEach((l, i) => {
            expect(Math.abs(shown.lines[i].amountSubtotal - convertAmount(l.amountSubtotal, 'eur', 'jpy', r))).toBeLessThanOrEqual(1);
          });
          if (shipping) expect(shown.shippingOptions[0]?.amount).toBe(t.shipping);
        },
      ),
    );
  });
});
