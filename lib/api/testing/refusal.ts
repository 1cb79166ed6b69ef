import { ApiError } from '@/lib/api/errors';

/** The ApiError a call was refused with; throws if it succeeded or failed with anything else. */
export async function refusal(p: Promise<unknown>): Promise<ApiError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(err)}`);
  return err;
}
