import { notFound } from 'next/navigation';
import { ApiError } from '@/lib/api/errors';
import { EndpointLimitError } from '@/lib/events/webhook-endpoints';
import { fail, type ActionResult } from './action-result';

/** A lookup whose not-found (another account's id, or none) is the dashboard's 404 page. */
export async function orNotFound<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (err) {
    if (err instanceof ApiError && err.code === 'resource_missing') notFound();
    throw err;
  }
}

/**
 * A server action's call into lib/ code shared with the REST API: its typed
 * errors become translation keys (`not_found`, the error's code, or `invalid`);
 * anything else is a bug and is thrown.
 */
export async function apiCall<T>(fn: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; result: ActionResult<never> }> {
  try {
    return { ok: true, value: await fn() };
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    const key = err.code === 'resource_missing' ? 'not_found' : err instanceof EndpointLimitError ? 'too_many_endpoints' : 'invalid';
    return { ok: false, result: fail(key) };
  }
}
