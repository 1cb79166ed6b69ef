// GET /healthz — 200 once the database answers, 503 otherwise
import { databaseAnswers } from '@/lib/health';

export const dynamic = 'force-dynamic';

export async function GET() {
  const ok = await databaseAnswers();
  return Response.json({ status: ok ? 'ok' : 'unavailable' }, { status: ok ? 200 : 503, headers: { 'cache-control': 'no-store' } });
}
