// GET /metrics — this process's Prometheus metrics (Bearer METRICS_TOKEN; 404 while it is unset)
import { getDb } from '@/db/client';
import { queueBacklogs } from '@/db/queries/queue-backlog';
import { env } from '@/lib/env';
import { metrics } from '@/lib/metrics/metrics';
import { bearerTokenMatches } from '@/lib/security/bearer-token';

export const dynamic = 'force-dynamic';

export async function GET(req: Request) {
  const token = env().METRICS_TOKEN;
  if (!token) return new Response('Not Found\n', { status: 404 });
  if (!bearerTokenMatches(req.headers.get('authorization'), token))
    return new Response('Unauthorized\n', { status: 401, headers: { 'www-authenticate': 'Bearer' } });
  const m = metrics();
  // The queues are the database's, read as they are now (the same figures from every process).
  for (const q of await queueBacklogs(await getDb())) {
    m.queuePending.set({ queue: q.queue }, q.pending);
    m.queueDue.set({ queue: q.queue }, q.due);
    m.queueOldestDueSeconds.set({ queue: q.queue }, q.oldestDueSeconds);
  }
  return new Response(await m.registry.metrics(), {
    headers: { 'content-type': m.registry.contentType, 'cache-control': 'no-store' },
  });
}
