import { notFound } from 'next/navigation';
import { ApiError } from '@/lib/api/errors';

/**
 * A dashboard page's lookup whose not-found (another account's id, or none) is the dashboard's
 * 404 page. (Server actions map errors in lib/actions/errors.ts.)
 */
export async function orNotFound<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (err) {
    if (err instanceof ApiError && err.code === 'resource_missing') notFound();
    throw err;
  }
}
