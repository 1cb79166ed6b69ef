import type { AbstractIntlMessages } from 'next-intl';

/**
 * The namespaces of a checkout message file (messages/<locale>.json) that the hosted page's client components read;
 * client-messages.test.ts walks the page's client modules and fails if one reads a namespace not listed. The rest
 * (the order summary and its totals, the page's states, receipts, invoices, the portal, the dashboard's `ActionErrors`)
 * is rendered on the server, and sending it would only add to every page's payload.
 */
export const CHECKOUT_CLIENT_NAMESPACES = [
  'Address',
  'Card',
  'Cart',
  'Consent',
  'Contact',
  'CustomFields',
  'Errors',
  'Pass',
  'PayButton',
  'PaymentMethod',
  'Promo',
  'SavedCards',
  'Sepa',
  'Shipping',
  'Tax',
  'TaxId',
] as const;

/** What the hosted invoice page's pay form reads (its card fields, and its refusals worded under `Invoice`). */
export const INVOICE_PAY_CLIENT_NAMESPACES = ['Card', 'Errors', 'Invoice', 'PayButton'] as const;

/**
 * The part of the messages a page hands its client components: the namespaces given, the Pass without its email
 * and its delete page (`Pass.email`, `Pass.delete`, sent and shown by the server).
 */
export function clientMessages(messages: AbstractIntlMessages, namespaces: readonly string[]): AbstractIntlMessages {
  const picked: AbstractIntlMessages = {};
  for (const name of namespaces) if (name in messages) picked[name] = messages[name];
  const pass = picked.Pass;
  if (pass && typeof pass === 'object') {
    const { email, delete: deletePage, ...onPage } = pass;
    picked.Pass = onPage;
  }
  return picked;
}

/** The hosted checkout page's client messages. */
export const checkoutClientMessages = (messages: AbstractIntlMessages) => clientMessages(messages, CHECKOUT_CLIENT_NAMESPACES);
