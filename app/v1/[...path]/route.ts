// Any other /v1 path — Stripe's "Unrecognized request URL" 404
import { unrecognizedUrl } from '@/lib/api/unrecognized';

export { unrecognizedUrl as GET, unrecognizedUrl as POST, unrecognizedUrl as DELETE, unrecognizedUrl as PUT, unrecognizedUrl as PATCH };
