import type { InvoiceRow } from '@/db/queries/invoices';
import { ApiError, invalidRequest } from '@/lib/api/errors';
import { cardDeclined } from '@/lib/payments/card-errors';
import type { Decline } from '@/lib/payments/processor';

/** Refusals of an invoice's state change, in Stripe's words where Stripe's are known; each written once. */

export const alreadyPaid = () => invalidRequest('Invoice is already paid');

export const voidedCannotBePaid = () => invalidRequest('Voided invoices cannot be paid.');

/** Why an invoice in this status cannot be paid (open and uncollectible ones can). */
export const notPayable = (status: InvoiceRow['status']) =>
  status === 'paid'
    ? alreadyPaid()
    : status === 'void'
      ? voidedCannotBePaid()
      : invalidRequest('This invoice is a draft: finalize it before it is paid.');

export const alreadyFinalized = () => invalidRequest("This invoice is already finalized, you can't re-finalize a non-draft invoice.");

/** Automatic tax cannot place the customer, so the invoice cannot be finalized (its last_finalization_error too). */
export const TAX_LOCATION_INVALID =
  "The customer's location isn't recognized: automatic tax needs at least a country (a US postal code, a Canadian province or postal code). Add an address or shipping address to the customer, then finalize the invoice.";
export const taxLocationInvalid = () => invalidRequest(TAX_LOCATION_INVALID, undefined, 'customer_tax_location_invalid');

export const cannotMarkUncollectible = (status: InvoiceRow['status']) =>
  invalidRequest(`You can only mark an invoice that is open as uncollectible; this invoice is ${status}.`);

/** Charging is built for open invoices (pay-invoice.ts); one written off is settled out of band or voided. */
export const uncollectibleNotCharged = () =>
  invalidRequest(
    'Caisse charges open invoices only, and this invoice is uncollectible: mark it paid with paid_out_of_band=true, or void it.',
  );

export const paymentInProgress = () => invalidRequest('A payment of this invoice is in progress: try again once it has finished.');

/** The card was refused: Stripe's 402 card error, with the payment intent the attempt was made on. */
export const invoiceDeclined = (decline: Decline, paymentIntent: object) => cardDeclined(decline, paymentIntent);

/** The bank asked for 3-D Secure: the customer has to complete the payment on the invoice's page. */
export const invoiceRequiresAction = (paymentIntent: object) =>
  new ApiError({
    status: 402,
    type: 'card_error',
    code: 'invoice_payment_intent_requires_action',
    message:
      'This payment requires additional user action before it can be completed successfully. Payment can be completed using the PaymentIntent associated with the invoice.',
    paymentIntent,
  });
