export type ApiErrorType =
  'invalid_request_error' | 'card_error' | 'idempotency_error' | 'authentication_error' | 'rate_limit_error' | 'api_error';

/**
 * The `code`s the API answers with, each one of Stripe's own (error-codes.test.ts checks them against
 * the official SDK's list), so that code branching on Stripe's codes behaves the same. Where Stripe
 * sends no code for a kind of error, neither does Caisse.
 */
export const ERROR_CODES = [
  'account_invalid',
  'amount_too_large',
  'amount_too_small',
  'authentication_required',
  'card_declined',
  'charge_already_captured',
  'charge_already_refunded',
  'charge_disputed',
  'charge_expired_for_capture',
  'coupon_expired',
  'customer_tax_location_invalid',
  'email_invalid',
  'expired_card',
  'idempotency_key_in_use',
  'incorrect_cvc',
  'incorrect_number',
  'invoice_payment_intent_requires_action',
  'invoice_upcoming_none',
  'parameter_invalid_empty',
  'parameter_invalid_integer',
  'parameter_missing',
  'parameter_unknown',
  'parameters_exclusive',
  'payment_intent_authentication_failure',
  'payment_intent_unexpected_state',
  'processing_error',
  'resource_already_exists',
  'resource_missing',
  'tax_id_invalid',
  'url_invalid',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Whether a code from elsewhere (a processor's decline) is one the API may answer with. */
export const isErrorCode = (code: string): code is ErrorCode => (ERROR_CODES as readonly string[]).includes(code);

export type ApiErrorInit = {
  status: number;
  type: ApiErrorType;
  message: string;
  code?: ErrorCode;
  param?: string;
  declineCode?: string;
  /** The payment intent a card error happened on, sent whole as Stripe does (`error.payment_intent`). */
  paymentIntent?: object;
};

/** Every failure the API reports; withApi turns it into Stripe's error JSON. */
export class ApiError extends Error {
  readonly status: number;
  readonly type: ApiErrorType;
  readonly code?: ErrorCode;
  readonly param?: string;
  readonly declineCode?: string;
  readonly paymentIntent?: object;

  constructor(init: ApiErrorInit) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.type = init.type;
    this.code = init.code;
    this.param = init.param;
    this.declineCode = init.declineCode;
    this.paymentIntent = init.paymentIntent;
  }

  toJSON() {
    return {
      error: {
        type: this.type,
        message: this.message,
        ...(this.code ? { code: this.code, doc_url: `https://docs.stripe.com/error-codes/${this.code.replaceAll('_', '-')}` } : {}),
        ...(this.param ? { param: this.param } : {}),
        ...(this.declineCode ? { decline_code: this.declineCode } : {}),
        ...(this.paymentIntent ? { payment_intent: this.paymentIntent } : {}),
      },
    };
  }
}

/** The 500 for an error nothing expected, naming the request so its log line can be found. */
export const unexpectedError = (requestId: string) =>
  new ApiError({ status: 500, type: 'api_error', message: `An unexpected error occurred. Request id: ${requestId}` });

export const invalidRequest = (message: string, param?: string, code?: ErrorCode) =>
  new ApiError({ status: 400, type: 'invalid_request_error', message, param, code });

/** Stripe's answer when two parameters that exclude each other are both given. */
export const exclusiveParams = (names: string[], param = names[0]) =>
  invalidRequest(`You may only specify one of these parameters: ${names.join(', ')}.`, param, 'parameters_exclusive');

export const missingParam = (param: string) =>
  new ApiError({
    status: 400,
    type: 'invalid_request_error',
    code: 'parameter_missing',
    param,
    message: `Missing required param: ${param}.`,
  });

export const unknownParam = (param: string) =>
  new ApiError({
    status: 400,
    type: 'invalid_request_error',
    code: 'parameter_unknown',
    param,
    message: `Received unknown parameter: ${param}`,
  });

/** A referenced object that does not exist for this account. */
export const noSuchObject = (kind: string, id: string, param = 'id', status = 404) =>
  new ApiError({ status, type: 'invalid_request_error', code: 'resource_missing', param, message: `No such ${kind}: '${id}'` });
