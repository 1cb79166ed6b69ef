import { describe, expect, it } from 'vitest';
import { retrySettingsFormSchema } from './retry-settings';

const parse = (retryDays: string, afterRetries = 'cancel') => retrySettingsFormSchema.safeParse({ retryDays, afterRetries });

/** The message key on each field that failed, as the form shows them. */
function errors(retryDays: string, afterRetries = 'cancel') {
  const r = parse(retryDays, afterRetries);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
}

describe('the retry settings form', () => {
  it('days typed with commas or spaces → whole numbers, ascending', () => {
    expect(parse('3, 5, 7').data).toEqual({ retryDays: [3, 5, 7], afterRetries: 'cancel' });
    expect(parse(' 1 2  60 ', 'past_due').data).toEqual({ retryDays: [1, 2, 60], afterRetries: 'past_due' });
    expect(parse('10', 'unpaid').data).toEqual({ retryDays: [10], afterRetries: 'unpaid' });
  });

  it('each wrong schedule → its own message on the days field', () => {
    expect(errors('')).toEqual({ retryDays: 'retry_days_required' });
    expect(errors(' , ')).toEqual({ retryDays: 'retry_days_required' });
    expect(errors('3, five')).toEqual({ retryDays: 'retry_days_invalid' });
    expect(errors('2.5')).toEqual({ retryDays: 'retry_days_invalid' });
    expect(errors('-1')).toEqual({ retryDays: 'retry_days_invalid' });
    expect(errors('1, 2, 3, 4, 5')).toEqual({ retryDays: 'retry_days_count' });
    expect(errors('0, 3')).toEqual({ retryDays: 'retry_days_range' });
    expect(errors('3, 61')).toEqual({ retryDays: 'retry_days_range' });
    expect(errors('5, 3')).toEqual({ retryDays: 'retry_days_order' });
    expect(errors('3, 3')).toEqual({ retryDays: 'retry_days_order' });
  });

  it('an unknown choice after the last retry → refused on its field', () => {
    expect(errors('3', 'delete')).toEqual({ afterRetries: 'after_retries_invalid' });
  });
});
