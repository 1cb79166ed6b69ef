// POST /operator/accounts — provision a merchant account (operator key required; off unless CAISSE_OPERATOR_KEY is set)
import { timingSafeEqual, createHash } from 'node:crypto';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { createAccount } from '@/lib/accounts/create-account';
import { keyFromAuthorization } from '@/lib/api/auth';
import { env } from '@/lib/env';

const origin = z
  .string()
  .url()
  .transform((u) => new URL(u).origin)
  .refine((o) => o.startsWith('https://') || /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/.test(o), 'Embed origins must be https (or local http)');

const bodySchema = z.strictObject({ name: z.string().trim().min(1).max(100), allowed_embed_origins: z.array(origin).max(20).optional() });

const digest = (s: string) => createHash('sha256').update(s).digest();

export async function POST(req: Request) {
  const expected = env().CAISSE_OPERATOR_KEY;
  if (!expected) return Response.json({ error: { type: 'invalid_request_error', message: 'The operator API is disabled.' } }, { status: 404 });
  const given = keyFromAuthorization(req.headers.get('authorization')) ?? '';
  if (!timingSafeEqual(digest(given), digest(expected)))
    return Response.json({ error: { type: 'authentication_error', message: 'Invalid operator key.' } }, { status: 401 });
  const parsed = bodySchema.safeParse(await req.json().catch(() => null));
  if (!parsed.success)
    return Response.json({ error: { type: 'invalid_request_error', message: 'Send JSON {"name": "<business name>", "allowed_embed_origins"?: ["https://…"]}.' } }, { status: 400 });
  const { name, allowed_embed_origins } = parsed.data;
  return Response.json(await createAccount(await getDb(), { name, allowedEmbedOrigins: allowed_embed_origins }), { status: 201 });
}
