import { describe, expect, it, vi } from 'vitest';
import { invalidRequest, noSuchObject } from '@/lib/api/errors';
import { orNotFound } from './api-error-result';

vi.mock('next/navigation', () => ({
  notFound: () => {
    throw new Error('NEXT_NOT_FOUND');
  },
}));

describe('orNotFound: a page lookup', () => {
  it('a missing object (another account’s id) is the 404 page', async () => {
    await expect(orNotFound(Promise.reject(noSuchObject('webhook endpoint', 'we_x')))).rejects.toThrow('NEXT_NOT_FOUND');
  });

  it('any other error is thrown as it is; a value is returned', async () => {
    const refused = invalidRequest('nope');
    await expect(orNotFound(Promise.reject(refused))).rejects.toBe(refused);
    expect(await orNotFound(Promise.resolve(42))).toBe(42);
  });
});
