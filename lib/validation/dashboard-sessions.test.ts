import { describe, expect, it } from 'vitest';
import { parseSessionListFilters } from './dashboard-sessions';

describe('sessions list filters from the URL', () => {
  it('keeps valid filters and trims the search', () => {
    expect(
      parseSessionListFilters({
        q: '  jenny@example.com ',
        status: 'open',
        payment_status: 'paid',
        from: '2026-01-01',
        to: '2026-01-31',
        after: 'cs_test_abc',
      }),
    ).toEqual({
      q: 'jenny@example.com',
      status: 'open',
      payment_status: 'paid',
      from: '2026-01-01',
      to: '2026-01-31',
      after: 'cs_test_abc',
    });
  });

  it('drops blank or unparseable values instead of failing the page', () => {
    expect(parseSessionListFilters({ q: '', status: 'weird', from: '2026-13-45', to: 'yesterday', after: "cs_'; drop" })).toEqual({});
  });

  it('takes the first of repeated parameters', () => {
    expect(parseSessionListFilters({ status: ['expired', 'open'] })).toEqual({ status: 'expired' });
  });
});
