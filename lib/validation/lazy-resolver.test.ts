import type { FieldValues, Resolver, ResolverOptions } from 'react-hook-form';
import { describe, expect, it, vi } from 'vitest';
import { lazyResolver } from './lazy-resolver';

// The pay form's schema arrives with its own chunk: fetched once, on the first focus or validation; the server checks
// the form when it cannot be fetched.

const options = { fields: {}, shouldUseNativeValidation: false } as ResolverOptions<FieldValues>;
const refusesEmpty: Resolver = (values) =>
  values.email ? { values, errors: {} } : { values: {}, errors: { email: { type: 'required', message: 'required' } } as never };

describe('lazyResolver', () => {
  it('loads the resolver once, however many validations and preloads ask at once, and answers with it', async () => {
    const load = vi.fn(() => Promise.resolve(refusesEmpty));
    const { resolver, preload } = lazyResolver(load);
    preload();
    const [empty, filled] = await Promise.all([
      resolver({ email: '' }, undefined, options),
      resolver({ email: 'jenny@example.com' }, undefined, options),
    ]);
    expect(load).toHaveBeenCalledTimes(1);
    expect(empty.errors).toEqual({ email: { type: 'required', message: 'required' } });
    expect(filled).toEqual({ values: { email: 'jenny@example.com' }, errors: {} });
  });

  it('lets the form go to the server when the chunk cannot be fetched, and tries again at the next validation', async () => {
    const load = vi.fn<() => Promise<Resolver>>().mockRejectedValueOnce(new Error('network')).mockResolvedValue(refusesEmpty);
    const { resolver } = lazyResolver(load);
    expect(await resolver({ email: '' }, undefined, options)).toEqual({ values: { email: '' }, errors: {} });
    expect((await resolver({ email: '' }, undefined, options)).errors).toHaveProperty('email');
    expect(load).toHaveBeenCalledTimes(2);
  });
});
