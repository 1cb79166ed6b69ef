import { describe, expect, it } from 'vitest';
import { sameRateTogether, type ShownTax } from './shown-taxes';

const row = (rateId: string, percentage: string, amount: number, reason: string, taxType = 'vat'): ShownTax => ({
  rateId,
  taxType,
  percentage,
  amount,
  reason,
});

describe('sameRateTogether', () => {
  it('adds the shipping’s proportional shares to the goods’ rows of the same tax and percentage, in first-seen order', () => {
    expect(
      sameRateTogether([
        row('txr_7', '7', 210, 'reduced_rated'),
        row('txr_19', '19', 190, 'standard_rated'),
        row('txr_p7', '7', 53, 'proportionally_rated'),
        row('txr_p19', '19', 48, 'proportionally_rated'),
      ]),
    ).toEqual([row('txr_7', '7', 263, 'reduced_rated'), row('txr_19', '19', 238, 'standard_rated')]);
  });

  it('keeps different taxes apart at one percentage, and each reverse charge on its own row', () => {
    const taxes = [row('gst', '5', 100, 'standard_rated', 'gst'), row('hst', '5', 100, 'standard_rated', 'hst')];
    expect(sameRateTogether(taxes)).toEqual(taxes);
    const reverse = [row('txr_r1', '0', 0, 'reverse_charge'), row('txr_r2', '0', 0, 'reverse_charge')];
    expect(sameRateTogether(reverse)).toEqual(reverse);
  });

  it('leaves the rows given unchanged', () => {
    const taxes = [row('a', '7', 1, 'reduced_rated'), row('b', '7', 2, 'proportionally_rated')];
    sameRateTogether(taxes);
    expect(taxes[0]?.amount).toBe(1);
  });
});
