import { describe, expect, it } from 'vitest';
import { brandName } from './card-brands';

describe('brandName', () => {
  it('writes a brand as people do, and an unknown one as it came', () => {
    expect(brandName('amex')).toBe('American Express');
    expect(brandName('cartes_bancaires')).toBe('Cartes Bancaires');
    expect(brandName('eftpos_au')).toBe('eftpos_au');
    // A key of Object.prototype is no brand.
    expect(brandName('constructor')).toBe('constructor');
  });
});
