// POST /operator/accounts — provision a merchant account, optionally with its dashboard owner
// (operator key required; off unless CAISSE_OPERATOR_KEY is set)
import { z } from 'zod';
import { getDb } from '@/db/client';
import { createAccount } from '@/lib/accounts/create-account';
import { hashPassword } from '@/lib/auth/password-hash';
import { env } from '@/lib/env';
import { bearerTokenMatches } from '@/lib/security/bearer-token';
import { isUniqueViolation } from '@/lib/util/pg-errors';
import { embedOrigin, MAX_ALLOWLIST_ENTRIES, redirectDomain } from '@/lib/validation/domains';

const bodySchema = z.strictObject({
  // Postgres text cannot hold NUL: refused here rather than failing the insert.
  name: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .refine((n) => !n.includes('\u0000')),
  allowed_embed_origins: z.array(embedOrigin).max(MAX_ALLOWLIST_ENTRIES).optional(),
  allowed_redirect_domains: z.array(redirectDomain).max(MAX_ALLOWLIST_ENTRIES).optional(),
  // A dashboard owner who can sign in with this email and password.
  owner: z.strictObject({ email: z.email().toLowerCase(), password: z.string().min(10).max(128) }).optional(),
});

export async function POST(req: Request) {
  const expected = env().CAISSE_OPERATOR_KEY;
  if (!expected)
    return Response.json({ error: { type: 'invalid_request_error', message: 'The operator API is disabled.' } }, { status: 404 });
  if (!bearerTokenMatches(req.headers.get('authorization'), expected))
    return Response.json({ error: { type: 'authentication_error', message: 'Invalid operator key.' } }, { status: 401 });
  const parsed = bodySchema.safeParse(await req.json().catch(() => null));
  if (!parsed.success)
    return Response.json(
      {
        error: {
          type: 'invalid_request_error',
          message:
            'Send JSON {"name": "<business name>", "allowed_embed_origins"?: ["https://…"], "allowed_redirect_domains"?: ["shop.example.com", "*.example.com"], "owner"?: {"email": "…", "password": "≥ 10 characters"}}.',
        },
      },
      { status: 400 },
    );
  const { name, allowed_embed_origins, allowed_redirect_domains, owner } = parsed.data;
  const db = await getDb();
  // Hashed before the transaction: scrypt takes a while and needs no connection.
  const ownerUser = owner && { email: owner.email, name, passwordHash: await hashPassword(owner.password) };
  try {
    const created = await createAccount(db, {
      name,
      allowedEmbedOrigins: allowed_embed_origins,
      allowedRedirectDomains: allowed_redirect_domains,
      owner: ownerUser,
    });
    return Response.json(
      { id: created.id, name: created.name, secret_key: created.secret_key, publishable_key: created.publishable_key },
      { status: 201 },
    );
  } catch (err) {
    // The account and its owner commit together: a taken email leaves no account behind.
    if (ownerUser && isUniqueViolation(err))
      return Response.json(
        { error: { type: 'invalid_request_error', message: 'A dashboard user already has that email.' } },
        { status: 400 },
      );
    throw err;
  }
}
