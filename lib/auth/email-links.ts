import 'server-only';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { env } from '@/lib/env';
import { getAuth } from './auth';

/**
 * One-time links sent to a dashboard user's address: "finish creating your account" and "sign in".
 * The token (256 random bits) is only in the email; the table keeps its SHA-256 (better-auth's
 * hashed verification identifiers), bound to the address and to one purpose, and a link is
 * consumed atomically, once, before it expires.
 */

export type LinkPurpose = 'sign-up' | 'sign-in';

/** How long a link works (the email says so). */
export const LINK_LIFETIME_MINUTES = { 'sign-up': 60, 'sign-in': 15 } as const satisfies Record<LinkPurpose, number>;

const PAGES: Record<LinkPurpose, string> = { 'sign-up': '/dashboard/sign-up/finish', 'sign-in': '/dashboard/sign-in/link' };

const recordSchema = z.object({ email: z.string(), businessName: z.string().optional() });
export type LinkRecord = z.infer<typeof recordSchema>;

// The purpose is part of what is hashed: a sign-up link is no sign-in link.
const identifier = (purpose: LinkPurpose, token: string) => `caisse-${purpose}:${token}`;

/** A new link for `record.email`; returns its URL (the only place the token exists in clear). */
export async function issueLink(purpose: LinkPurpose, record: LinkRecord): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const ctx = await (await getAuth()).$context;
  await ctx.internalAdapter.createVerificationValue({
    identifier: identifier(purpose, token),
    value: JSON.stringify(recordSchema.parse(record)),
    expiresAt: new Date(Date.now() + LINK_LIFETIME_MINUTES[purpose] * 60_000),
  });
  return `${env().APP_URL}${PAGES[purpose]}?token=${token}`;
}

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

const parse = (value: string | undefined): LinkRecord | null => {
  try {
    const parsed = recordSchema.safeParse(JSON.parse(value ?? ''));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
};

/** What a live link is for, without using it (the page that shows it before the person confirms). */
export async function peekLink(purpose: LinkPurpose, token: string): Promise<LinkRecord | null> {
  if (!TOKEN.test(token)) return null;
  const ctx = await (await getAuth()).$context;
  const row = await ctx.internalAdapter.findVerificationValue(identifier(purpose, token));
  return row && row.expiresAt > new Date() ? parse(row.value) : null;
}

/** Uses the link: the first caller gets its record, every later one (or after expiry) null. */
export async function consumeLink(purpose: LinkPurpose, token: string): Promise<LinkRecord | null> {
  if (!TOKEN.test(token)) return null;
  const ctx = await (await getAuth()).$context;
  const row = await ctx.internalAdapter.consumeVerificationValue(identifier(purpose, token));
  return row ? parse(row.value) : null;
}
