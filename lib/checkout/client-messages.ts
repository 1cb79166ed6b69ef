import type { AbstractIntlMessages } from 'next-intl';

/**
 * The part of a checkout message file (messages/<locale>.json) the hosted page hands its client components.
 * `ActionErrors` words the dashboard's server actions (lib/actions/errors.ts) and is read on the server only:
 * the page's cart forms answer with keys of `Errors`, so sending it would only add to every page's payload.
 */
export function checkoutClientMessages<M extends AbstractIntlMessages>(messages: M): Omit<M, 'ActionErrors'> {
  const { ActionErrors, ...client } = messages;
  return client;
}
