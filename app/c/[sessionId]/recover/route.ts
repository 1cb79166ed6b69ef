// GET /c/:sessionId/recover — after_expiration.recovery: a new session with the expired one's items
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { recoverSession } from '@/lib/checkout/recover-session';

export async function GET(_req: Request, { params }: { params: Promise<{ sessionId: string }> }) {
  const { sessionId } = await params;
  const result = await recoverSession(await getDb(), sessionId);
  // A session that cannot be recovered shows its own state (expired, or not found).
  redirect('id' in result ? `/c/${result.id}` : `/c/${sessionId}`);
}
