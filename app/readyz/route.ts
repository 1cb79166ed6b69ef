// GET /readyz — 200 once the database answers and has this build's migrations, 503 otherwise
import { databaseReady } from '@/lib/health';

export const dynamic = 'force-dynamic';

export async function GET() {
  const checks = await databaseReady();
  const ready = checks.database && checks.migrations;
  return Response.json(
    { status: ready ? 'ready' : 'unavailable', checks },
    { status: ready ? 200 : 503, headers: { 'cache-control': 'no-store' } },
  );
}
