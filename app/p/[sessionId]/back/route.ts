// GET /p/:sessionId/back — where the portal's "Add a card" checkout page leads back to (its success_url and
// cancel_url): the portal's token never enters the checkout session (nor its API object, events or webhooks); the
// browser that left the portal kept it in a cookie scoped to this portal session, and comes back to the portal
// with it. Without it, the portal's "This link has expired" page.
import { cookies } from 'next/headers';
import { PORTAL_RETURN_COOKIE } from '@/lib/billing-portal/portal-add-card';

type Props = { params: Promise<{ sessionId: string }> };

export async function GET(req: Request, { params }: Props): Promise<Response> {
  const { sessionId } = await params;
  const token = (await cookies()).get(PORTAL_RETURN_COOKIE)?.value;
  const added = new URL(req.url).searchParams.get('result') === 'card_added';
  // "-" is no token: the portal page answers it as an expired link.
  const path = `/p/${encodeURIComponent(sessionId)}/${encodeURIComponent(token ?? '-')}${token && added ? '?result=card_added' : ''}`;
  return new Response(null, { status: 303, headers: { location: path, 'cache-control': 'no-store' } });
}
