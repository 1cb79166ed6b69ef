import { describe, expect, it } from 'vitest';
import { taxFormPart } from './tax-form';

describe('taxFormPart', () => {
  it('reads the address and tax ID as typed, and drops what is not a place', () => {
    expect(
      taxFormPart({
        email: '',
        card: { number: '4242' },
        shipping: { country: 'us', state: ' California ', postal_code: '94103', line1: '' },
        billing: { country: '' },
        tax_id: { business: 'true', value: 'DE136695976' },
      }),
    ).toEqual({
      shipping: { country: 'US', state: 'California', postal_code: '94103' },
      billing: null,
      tax_id: { business: true, value: 'DE136695976' },
    });
    expect(taxFormPart({ billing: { country: 'DE', state: '', postal_code: '' } })).toEqual({
      shipping: null,
      billing: { country: 'DE', state: null, postal_code: null },
      tax_id: null,
    });
    expect(taxFormPart(null)).toEqual({ shipping: null, billing: null, tax_id: null });
  });
});
