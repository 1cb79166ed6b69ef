import { describe, expect, it } from 'vitest';
import { requestedQuantity } from './requested-quantity';

describe('requestedQuantity', () => {
  it.each<[unknown, unknown, number]>([
    ['3', null, 3],
    [' 3 ', '', 3],
    ['3', '1', 4],
    ['3', '-1', 2],
    ['1', '-1', 0],
    ['0', null, 0],
    ['9999999', null, 9999999],
  ])('reads %j with step %j as %d', (field, step, quantity) => {
    expect(requestedQuantity(field, step)).toBe(quantity);
  });

  it.each<[unknown, unknown]>([
    ['1e400', null],
    ['-1', null],
    ['NaN', null],
    ['Infinity', null],
    [String(2 ** 60), null],
    ['10000000', null],
    ['0x10', null],
    ['1.5', null],
    ['', null],
    [null, null],
    ['0', '-1'],
    ['3', '2'],
    ['3', 'abc'],
  ])('refuses %j with step %j', (field, step) => {
    expect(requestedQuantity(field, step)).toBeNull();
  });
});
