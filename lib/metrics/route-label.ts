/**
 * A request's path as a metrics label: ids and other variable segments become `:id` (`/v1/customers/cus_…` →
 * `/v1/customers/:id`, `/c/cs_test_…` → `/c/:id`), Next's assets one label, and anything answered 404 `unmatched`,
 * so that no client can grow the number of series by inventing paths.
 */
export function routeLabel(url: string | undefined, status: number): string {
  if (status === 404) return 'unmatched';
  const path = (url ?? '/').split('?')[0] ?? '/';
  if (path.startsWith('/_next/')) return '/_next';
  const segments = path.split('/').filter(Boolean).slice(0, 6).map(segmentLabel);
  return `/${segments.join('/')}`;
}

// Words of a route: lowercase letters and digits, with - or _ between them (`v1`, `create_preview`, `roll_secret`).
const WORD = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/;
// Stripe-style ids (`cus_…`, `cs_test_…`, `in_…`): a short prefix, an underscore, then random letters and digits.
const ID = /^[a-z]{1,12}_[A-Za-z0-9_]+$/;

function segmentLabel(segment: string): string {
  if (segment.length > 32 || /^\d+$/.test(segment)) return ':id';
  if (ID.test(segment) && /[0-9A-Z]/.test(segment)) return ':id';
  return WORD.test(segment) ? segment : ':id';
}
