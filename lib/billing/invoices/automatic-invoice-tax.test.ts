import { describe, expect, it } from 'vitest';
import { draftValues, lineValues } from './automatic-invoice-tax';
import type { DraftLine } from './draft-lines';

// The values the import scheme's €150 limit weighs on an invoice: each line after its discounts, by the item it bills.

const line = (p: Partial<DraftLine> & Pick<DraftLine, 'amount'>): DraftLine => ({
  description: null,
  currency: 'eur',
  quantity: 1,
  priceId: null,
  productId: null,
  subscriptionId: 'sub_1',
  subscriptionItemId: null,
  invoiceItemId: null,
  proration: false,
  periodStart: new Date(0),
  periodEnd: new Date(0),
  discountAmounts: [],
  taxes: [],
  ...p,
});

describe('draftValues', () => {
  it('keys a line by its invoice item, else its subscription item, and takes its discounts off', () => {
    const values = draftValues([
      line({ amount: 20_000, subscriptionItemId: 'si_box', discountAmounts: [{ discount: 'di_1', amount: 5000 }] }),
      line({ amount: -3000, subscriptionItemId: 'si_box', invoiceItemId: 'ii_credit', proration: true }),
      line({ amount: 700, invoiceItemId: 'ii_extra' }),
    ]);
    expect([...values]).toEqual([
      ['si_box', 15_000],
      ['ii_credit', -3000],
      ['ii_extra', 700],
    ]);
  });

  it('leaves out a line that bills no item', () => {
    expect(draftValues([line({ amount: 500 })]).size).toBe(0);
  });
});

describe('lineValues', () => {
  it('keys an invoice’s stored lines by their id, after every discount', () => {
    const discounts = [
      { discount: 'di_1', amount: 1000 },
      { discount: 'di_2', amount: 250 },
    ];
    expect([...lineValues([{ id: 'il_1', amount: 10_000, discountAmounts: discounts, taxes: [] }])]).toEqual([['il_1', 8750]]);
  });
});
