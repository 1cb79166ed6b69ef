'use server';

import { z } from 'zod';
import { merchantAction, merchantIdAction, type ActionOptions } from '@/lib/actions/action';
import { ActionError } from '@/lib/actions/errors';
import { saveEmbedOrigins, saveRedirectDomains } from '@/lib/domains/allowlists';
import { addCustomDomain, removeCustomDomain, verifyCustomDomain } from '@/lib/domains/custom-domains';
import { addDomainSchema, embedOriginsSchema, redirectDomainsSchema } from '@/lib/validation/domains';

const DOMAINS = { messages: 'Dashboard.domains.errors', revalidate: ['/dashboard/domains'] } satisfies ActionOptions;
/** One of the account's dom_… ids; anything else is not found. */
const ID = { ...DOMAINS, id: z.string().regex(/^dom_[A-Za-z0-9]{1,64}$/) };

// POST (server action) — add a custom domain to the signed-in account (unverified, with its TXT record)
export const addDomainAction = merchantAction(
  addDomainSchema,
  async ({ hostname }, { db, accountId }) => {
    const outcome = await addCustomDomain(db, { accountId, hostname });
    if (!outcome.ok) throw new ActionError(outcome.error, { hostname: outcome.error });
    return { id: outcome.domain.id };
  },
  DOMAINS,
);

// POST (server action) — look up a domain's TXT record
export const verifyDomainAction = merchantIdAction(
  z.undefined(),
  async (_, { db, accountId, id }) => {
    const result = await verifyCustomDomain(db, { accountId, id });
    if (!result) throw new ActionError('not_found');
    return { outcome: result.outcome };
  },
  ID,
);

// POST (server action) — remove one of the account's domains
export const removeDomainAction = merchantIdAction(
  z.undefined(),
  async (_, { db, accountId, id }) => {
    if (!(await removeCustomDomain(db, { accountId, id }))) throw new ActionError('not_found');
  },
  ID,
);

// POST (server action) — replace the account's allowed redirect domains
export const saveRedirectDomainsAction = merchantAction(
  redirectDomainsSchema,
  async ({ redirectDomains }, { db, accountId }) => {
    await saveRedirectDomains(db, { accountId, domains: redirectDomains });
  },
  DOMAINS,
);

// POST (server action) — replace the account's allowed embed origins
export const saveEmbedOriginsAction = merchantAction(
  embedOriginsSchema,
  async ({ embedOrigins }, { db, accountId }) => {
    await saveEmbedOrigins(db, { accountId, origins: embedOrigins });
  },
  DOMAINS,
);
