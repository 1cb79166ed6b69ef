import type { Queryable } from '@/db/client';
import {
  deleteCustomDomain,
  findCustomDomain,
  insertCustomDomain,
  listCustomDomains,
  recordDomainCheck,
  verifiedDomainAccount,
  type CustomDomainRow,
} from '@/db/queries/custom-domains';
import { env } from '@/lib/env';
import { isUniqueViolation } from '@/lib/util/pg-errors';
import { newId, randomBase62 } from '@/lib/util/ids';
import { forgetHost } from './host-routing';
import { hostnameProblem, normalizeHostname, type HostnameProblem } from './hostname';
import { isNoRecord, systemResolveTxt, type ResolveTxt } from './resolver';
import { challengeName, challengeValue, hasChallenge } from './txt-record';
import { hitRateLimit } from '@/lib/security/rate-limit';
import type { AccountScope } from '@/db/scope';

export type CustomDomainView = {
  id: string;
  hostname: string;
  verified: boolean;
  verifiedAt: Date | null;
  lastCheckedAt: Date | null;
  /** The TXT record the merchant creates. */
  record: { name: string; value: string };
};

const view = (row: CustomDomainRow): CustomDomainView => ({
  id: row.id,
  hostname: row.hostname,
  verified: row.verifiedAt !== null,
  verifiedAt: row.verifiedAt,
  lastCheckedAt: row.lastCheckedAt,
  record: { name: challengeName(row.hostname), value: challengeValue(row.verificationToken) },
});

export async function customDomains(db: Queryable, scope: AccountScope): Promise<CustomDomainView[]> {
  return (await listCustomDomains(db, scope)).map(view);
}

/** Which of these domains new checkout links use: the first verified, as sessionHostSettings picks it. */
export function checkoutDomainOf(domains: CustomDomainView[]): string | null {
  const verified = domains.flatMap((d) => (d.verifiedAt === null ? [] : [{ ...d, verifiedAt: d.verifiedAt }]));
  verified.sort((a, b) => a.verifiedAt.getTime() - b.verifiedAt.getTime() || (a.id < b.id ? -1 : 1));
  return verified.at(0)?.hostname ?? null;
}

export type AddDomainOutcome =
  { ok: true; domain: CustomDomainView } | { ok: false; error: HostnameProblem | 'hostname_is_caisse' | 'hostname_taken' };

/** Adds a host name for the account, unverified, with a fresh token for its TXT record. */
export async function addCustomDomain(db: Queryable, scope: AccountScope & { hostname: string }): Promise<AddDomainOutcome> {
  const hostname = normalizeHostname(scope.hostname);
  const problem = hostnameProblem(hostname);
  if (problem) return { ok: false, error: problem };
  // Caisse's own host serves the dashboard and the API: it can never be one merchant's.
  if (hostname === new URL(env().APP_URL).hostname.toLowerCase()) return { ok: false, error: 'hostname_is_caisse' };
  try {
    const row = await insertCustomDomain(db, {
      id: newId('dom'),
      accountId: scope.accountId,
      hostname,
      verificationToken: randomBase62(32),
    });
    return { ok: true, domain: view(row) };
  } catch (err) {
    // Unique across all accounts: the same answer whether this account or another has it.
    if (isUniqueViolation(err)) return { ok: false, error: 'hostname_taken' };
    throw err;
  }
}

/** Removes one of the account's domains; its checkout links go back to APP_URL. */
export async function removeCustomDomain(db: Queryable, scope: AccountScope & { id: string }): Promise<boolean> {
  const hostname = await deleteCustomDomain(db, scope);
  if (hostname) forgetHost(hostname);
  return hostname !== null;
}

export type VerifyOutcome = 'verified' | 'not_found' | 'wrong_value' | 'lookup_failed' | 'rate_limited';

// Each check is a DNS lookup of up to ~5 s made on the merchant's behalf: a few a minute is plenty.
const VERIFY_LIMIT = { limit: 10, windowSeconds: 60 };

/**
 * Looks the domain's TXT record up and records the check (lastCheckedAt always, verifiedAt once
 * found). A domain stays verified if its record later disappears: live checkout links keep working.
 */
export async function verifyCustomDomain(
  db: Queryable,
  scope: AccountScope & { id: string },
  resolveTxt: ResolveTxt = systemResolveTxt,
  now = new Date(),
): Promise<{ outcome: VerifyOutcome; domain: CustomDomainView } | null> {
  const row = await findCustomDomain(db, scope);
  if (!row) return null;
  if (!(await hitRateLimit(db, { key: `domain-verify:${scope.accountId}`, ...VERIFY_LIMIT, now })))
    return { outcome: 'rate_limited', domain: view(row) };
  let outcome: VerifyOutcome;
  try {
    outcome = hasChallenge(await resolveTxt(challengeName(row.hostname)), row.verificationToken) ? 'verified' : 'wrong_value';
  } catch (err) {
    outcome = isNoRecord(err) ? 'not_found' : 'lookup_failed';
  }
  const updated = await recordDomainCheck(db, { ...scope, found: outcome === 'verified', now });
  if (!updated) return null;
  if (outcome === 'verified') forgetHost(updated.hostname);
  return { outcome, domain: view(updated) };
}

/** Whether a host name is a verified custom domain (asked by a TLS proxy before it gets a certificate). */
export async function isVerifiedCustomDomain(db: Queryable, hostname: string): Promise<boolean> {
  const host = normalizeHostname(hostname);
  if (hostnameProblem(host)) return false;
  return (await verifiedDomainAccount(db, host)) !== null;
}
