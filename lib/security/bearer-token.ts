import { createHash, timingSafeEqual } from 'node:crypto';
import { keyFromAuthorization } from '@/lib/api/auth';

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Whether the request's `Authorization` (Bearer or Basic, as the API takes keys) carries `expected`, compared in constant time. */
export function bearerTokenMatches(authorization: string | null, expected: string): boolean {
  return timingSafeEqual(digest(keyFromAuthorization(authorization) ?? ''), digest(expected));
}
