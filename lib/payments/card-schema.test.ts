import { describe, expect, it } from 'vitest';
import { CARD_ERROR_KEYS, cardDetailsSchema, makeCardDetailsSchema, toCardInput } from './card-schema';

const NOW = new Date('2030-06-15T12:00:00Z');
const schema = makeCardDetailsSchema(() => NOW);
const good = { number: '4242 4242 4242 4242', expiry: '12 / 34', cvc: '123', name: 'Jenny Rosen' };

/** Field path → message key, for one parse. */
function errors(input: Record<string, string>, s = schema): Record<string, string> {
  const result = s.safeParse(input);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]));
}

describe('cardDetailsSchema — accepted input', () => {
  it('normalizes the number, splits the expiry and trims the name', () => {
    expect(schema.parse({ ...good, name: '  Jenny Rosen  ' })).toEqual({
      number: '4242424242424242',
      expiry: { month: 12, year: 2034 },
      cvc: '123',
      name: 'Jenny Rosen',
    });
  });

  it.each(['12/34', '12 / 34', '1234', ' 12 /34 '])('reads expiry %j', (expiry) => {
    expect(schema.parse({ ...good, expiry }).expiry).toEqual({ month: 12, year: 2034 });
  });

  it('takes Amex with a 4-digit CVC and dashes in the number', () => {
    expect(schema.parse({ ...good, number: '3782-822463-10005', cvc: '1234' }).number).toBe('378282246310005');
  });

  it('takes a 14-digit Diners number', () => {
    expect(schema.parse({ ...good, number: '36227206271667' }).number).toBe('36227206271667');
  });

  it('accepts a 200-character name', () => {
    expect(schema.parse({ ...good, name: 'x'.repeat(200) }).name).toHaveLength(200);
  });

  it('converts to the processor input', () => {
    expect(toCardInput(schema.parse(good))).toEqual({
      number: '4242424242424242',
      expMonth: 12,
      expYear: 2034,
      cvc: '123',
      name: 'Jenny Rosen',
    });
  });

  it('the default schema uses the real clock', () => {
    const nextYear = String((new Date().getUTCFullYear() + 1) % 100).padStart(2, '0');
    expect(cardDetailsSchema.safeParse({ ...good, expiry: `01/${nextYear}` }).success).toBe(true);
    expect(errors({ ...good, expiry: '01/20' }, cardDetailsSchema)).toEqual({ expiry: 'card.expiry.past' });
  });
});

describe('cardDetailsSchema — number', () => {
  it.each([
    ['', 'card.number.incomplete'],
    ['4242', 'card.number.incomplete'],
    ['4242 4242 4242 424', 'card.number.incomplete'],
    ['37828224631000', 'card.number.incomplete'],
    ['4242424242424241', 'card.number.invalid'],
    ['4242 4242 4242 424x', 'card.number.invalid'],
    ['55555555555544440', 'card.number.invalid'],
    ['42424242424242424242', 'card.number.invalid'],
  ])('%j → %s', (number, key) => {
    expect(errors({ ...good, number })).toEqual({ number: key });
  });
});

describe('cardDetailsSchema — expiry, against an injected now (2030-06-15)', () => {
  it.each(['06/30', '0630', '07/30', '01/31'])('%s is not in the past', (expiry) => {
    expect(errors({ ...good, expiry })).toEqual({});
  });

  it.each(['05/30', '12/29', '01/00'])('%s is in the past', (expiry) => {
    expect(errors({ ...good, expiry })).toEqual({ expiry: 'card.expiry.past' });
  });

  it.each([
    ['', 'card.expiry.incomplete'],
    ['1', 'card.expiry.incomplete'],
    ['12', 'card.expiry.incomplete'],
    ['12 /', 'card.expiry.incomplete'],
    ['12/3', 'card.expiry.incomplete'],
    ['123', 'card.expiry.incomplete'],
    ['13/30', 'card.expiry.invalid'],
    ['00/31', 'card.expiry.invalid'],
    ['ab/cd', 'card.expiry.invalid'],
    ['12/2034', 'card.expiry.invalid'],
    ['12-34', 'card.expiry.invalid'],
    ['12/99', 'card.expiry.invalid'],
  ])('%j → %s', (expiry, key) => {
    expect(errors({ ...good, expiry })).toEqual({ expiry: key });
  });

  it('compares months in UTC, so client and server agree near midnight', () => {
    // 1 July, 00:30 in UTC+2 is still 30 June in UTC: a 06/30 card is good.
    const s = makeCardDetailsSchema(() => new Date('2030-07-01T00:30:00+02:00'));
    expect(errors({ ...good, expiry: '06/30' }, s)).toEqual({});
    const after = makeCardDetailsSchema(() => new Date('2030-07-01T00:00:00Z'));
    expect(errors({ ...good, expiry: '06/30' }, after)).toEqual({ expiry: 'card.expiry.past' });
  });
});

describe('cardDetailsSchema — CVC length follows the brand of the number', () => {
  it.each([
    ['4242424242424242', '', 'card.cvc.incomplete'],
    ['4242424242424242', '12', 'card.cvc.incomplete'],
    ['4242424242424242', '1234', 'card.cvc.invalid'],
    ['4242424242424242', '12a', 'card.cvc.invalid'],
    ['4242424242424242', '12345', 'card.cvc.invalid'],
    ['378282246310005', '123', 'card.cvc.incomplete'],
    ['5555555555554444', '9999', 'card.cvc.invalid'],
  ])('%s with %j → %s', (number, cvc, key) => {
    expect(errors({ ...good, number, cvc })).toEqual({ cvc: key });
  });

  it('still reports the CVC when another field is also wrong', () => {
    expect(errors({ ...good, number: '378282246310005', cvc: '123', expiry: '01/20', name: ' ' })).toEqual({
      cvc: 'card.cvc.incomplete',
      expiry: 'card.expiry.past',
      name: 'card.name.required',
    });
  });

  it('reports only the number when the number cannot be read', () => {
    expect(errors({ ...good, number: '3782', cvc: '123' })).toEqual({ number: 'card.number.incomplete' });
  });
});

describe('cardDetailsSchema — name', () => {
  it.each([
    ['', 'card.name.required'],
    ['   ', 'card.name.required'],
    ['x'.repeat(201), 'card.name.too_long'],
  ])('%j → %s', (name, key) => {
    expect(errors({ ...good, name })).toEqual({ name: key });
  });
});

describe('cardDetailsSchema — messages', () => {
  it('every message is a known translation key', () => {
    const bad = { number: '4242424242424241', expiry: '13/30', cvc: 'x', name: '' };
    const all = [
      ...Object.values(errors(bad)),
      ...Object.values(errors({ number: '', expiry: '', cvc: '', name: 'x'.repeat(201) })),
      ...Object.values(errors({ ...good, number: '378282246310005', expiry: '01/20' })),
    ];
    expect(all.length).toBeGreaterThan(6);
    for (const message of all) expect(CARD_ERROR_KEYS).toContain(message);
  });

  it('refuses missing fields and non-strings without throwing', () => {
    expect(schema.safeParse({}).success).toBe(false);
    expect(schema.safeParse({ ...good, number: 4242424242424242 }).success).toBe(false);
  });
});
