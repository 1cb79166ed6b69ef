// GET /domains/check?domain=<host> — 200 when <host> is a verified custom domain, else 404.
// For a TLS-terminating proxy's on-demand certificates (Caddy's on_demand_tls "ask").
import { getDb } from '@/db/client';
import { isVerifiedCustomDomain } from '@/lib/domains/custom-domains';

export const dynamic = 'force-dynamic';

export async function GET(req: Request) {
  const domain = new URL(req.url).searchParams.get('domain') ?? '';
  const verified = domain.length <= 253 && (await isVerifiedCustomDomain(await getDb(), domain));
  return new Response(verified ? 'verified\n' : 'not a verified domain\n', {
    status: verified ? 200 : 404,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  });
}
