import type { AbstractIntlMessages } from 'next-intl';

/**
 * The part of a checkout message file (messages/<locale>.json) the hosted page hands its client components.
 * `ActionErrors` words the dashboard's server actions (lib/actions/errors.ts) and is read on the server only:
 * the page's cart forms answer with keys of `Errors`, so sending it would only add to every page's payload.
 * So are the Pass's email and its delete page (`Pass.email`, `Pass.delete`).
 */
export function checkoutClientMessages(messages: AbstractIntlMessages): AbstractIntlMessages {
  const { ActionErrors, Pass, ...client } = messages;
  if (!Pass || typeof Pass !== 'object') return client;
  const { email, delete: deletePage, ...pass } = Pass;
  return { ...client, Pass: pass };
}
