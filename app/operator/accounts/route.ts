// POST /operator/accounts — provision a merchant account, optionally with its dashboard owner
// (operator key required; off unless CAISSE_OPERATOR_KEY is set)
import { timingSafeEqual, createHash } from 'node:crypto';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { createAccount } from '@/lib/accounts/create-account';
import { createUserWithPassword } from '@/lib/auth/create-user';
import { keyFromAuthorization } from '@/lib/api/auth';
import { env } from '@/lib/env';
import { embedOrigin, MAX_ALLOWLIST_ENTRIES, redirectDomain } from '@/lib/validation/domains';

const bodySchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  allowed_embed_origins: z.array(embedOrigin).max(MAX_ALLOWLIST_ENTRIES).optional(),
  allowed_redirect_domains: z.array(redirectDomain).max(MAX_ALLOWLIST_ENTRIES).optional(),
  // A dashboard owner who can sign in with this email and password.
  owner: z.strictObject({ email: z.email().toLowerCase(), password: z.string().min(10).max(128) }).optional(),
});

const digest = (s: string) => createHash('sha256').update(s).digest();

export async function POST(req: Request) {
  const expected = env().CAISSE_OPERATOR_KEY;
  if (!expected) return Response.json({ error: { type: 'invalid_request_error', message: 'The operator API is disabled.' } }, { status: 404 });
  const given = keyFromAuthorization(req.headers.get('authorization')) ?? '';
  if (!timingSafeEqual(digest(given), digest(expected)))
    return Response.json({ error: { type: 'authentication_error', message: 'Invalid operator key.' } }, { status: 401 });
  const parsed = bodySchema.safeParse(await req.json().catch(() => null));
  if (!parsed.success)
    return Response.json({ error: { type: 'invalid_request_error', message: 'Send JSON {"name": "<business name>", "allowed_embed_origins"?: ["https://…"], "allowed_redirect_domains"?: ["shop.example.com", "*.example.com"], "owner"?: {"email": "…", "password": "≥ 10 characters"}}.' } }, { status: 400 });
  const { name, allowed_embed_origins, allowed_redirect_domains, owner } = parsed.data;
  const db = await getDb();
  const ownerUserId = owner ? await createUserWithPassword({ email: owner.email, name, password: owner.password }).catch(() => null) : undefined;
  if (ownerUserId === null) return Response.json({ error: { type: 'invalid_request_error', message: 'A dashboard user already has that email.' } }, { status: 400 });
  return Response.json(await createAccount(db, { name, allowedEmbedOrigins: allowed_embed_origins, allowedRedirectDomains: allowed_redirect_domains, ownerUserId }), { status: 201 });
}
