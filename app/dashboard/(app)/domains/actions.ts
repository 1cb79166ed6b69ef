'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { fail, ok, parseInput, type ActionResult } from '@/lib/dashboard/action-result';
import { requireMerchant } from '@/lib/dashboard/current-merchant';
import { saveEmbedOrigins, saveRedirectDomains } from '@/lib/domains/allowlists';
import { addCustomDomain, removeCustomDomain, verifyCustomDomain, type VerifyOutcome } from '@/lib/domains/custom-domains';
import {
  addDomainSchema,
  embedOriginsSchema,
  redirectDomainsSchema,
  type AddDomainInput,
  type EmbedOriginsValues,
  type RedirectDomainsValues,
} from '@/lib/validation/domains';

const PAGE = '/dashboard/domains';
const domainId = z.string().regex(/^dom_[A-Za-z0-9]{1,64}$/);

// POST (server action) — add a custom domain to the signed-in account (unverified, with its TXT record)
export async function addDomainAction(input: AddDomainInput): Promise<ActionResult<{ id: string }>> {
  const { db, accountId } = await requireMerchant();
  const parsed = parseInput(addDomainSchema, input);
  if (!parsed.ok) return parsed.result;
  const outcome = await addCustomDomain(db, { accountId, hostname: parsed.data.hostname });
  if (!outcome.ok) return fail(outcome.error, { hostname: outcome.error });
  revalidatePath(PAGE);
  return ok({ id: outcome.domain.id });
}

// POST (server action) — look up a domain's TXT record (id: one of the account's dom_… ids)
export async function verifyDomainAction(id: string): Promise<ActionResult<{ outcome: VerifyOutcome }>> {
  const { db, accountId } = await requireMerchant();
  if (!domainId.safeParse(id).success) return fail('not_found');
  const result = await verifyCustomDomain(db, { accountId, id });
  if (!result) return fail('not_found');
  revalidatePath(PAGE);
  return ok({ outcome: result.outcome });
}

// POST (server action) — remove one of the account's domains (id: dom_…)
export async function removeDomainAction(id: string): Promise<ActionResult> {
  const { db, accountId } = await requireMerchant();
  if (!domainId.safeParse(id).success || !(await removeCustomDomain(db, { accountId, id }))) return fail('not_found');
  revalidatePath(PAGE);
  return ok();
}

// POST (server action) — replace the account's allowed redirect domains
export async function saveRedirectDomainsAction(input: RedirectDomainsValues): Promise<ActionResult> {
  const { db, accountId } = await requireMerchant();
  const parsed = parseInput(redirectDomainsSchema, input);
  if (!parsed.ok) return parsed.result;
  await saveRedirectDomains(db, { accountId, domains: parsed.data.redirectDomains });
  revalidatePath(PAGE);
  return ok();
}

// POST (server action) — replace the account's allowed embed origins
export async function saveEmbedOriginsAction(input: EmbedOriginsValues): Promise<ActionResult> {
  const { db, accountId } = await requireMerchant();
  const parsed = parseInput(embedOriginsSchema, input);
  if (!parsed.ok) return parsed.result;
  await saveEmbedOrigins(db, { accountId, origins: parsed.data.embedOrigins });
  revalidatePath(PAGE);
  return ok();
}
