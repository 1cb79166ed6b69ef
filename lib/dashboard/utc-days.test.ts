import { describe, expect, it } from 'vitest';
import { startOfUtcDay, utcDays } from './utc-days';

describe('UTC days', () => {
  it('starts the day at midnight UTC whatever the time', () => {
    expect(startOfUtcDay(new Date('2026-03-29T23:59:59.999Z')).toISOString()).toBe('2026-03-29T00:00:00.000Z');
    expect(startOfUtcDay(new Date('2026-03-30T00:00:00.000Z')).toISOString()).toBe('2026-03-30T00:00:00.000Z');
  });

  it('lists consecutive days across a month end, each once', () => {
    const days = utcDays(new Date('2026-01-30T00:00:00Z'), 4);
    expect(days).toEqual(['2026-01-30', '2026-01-31', '2026-02-01', '2026-02-02']);
  });
});
