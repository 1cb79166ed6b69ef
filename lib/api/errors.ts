export type ApiErrorType =
  | 'invalid_request_error'
  | 'card_error'
  | 'idempotency_error'
  | 'authentication_error'
  | 'rate_limit_error'
  | 'api_error';

export type ApiErrorInit = {
  status: number;
  type: ApiErrorType;
  message: string;
  code?: string;
  param?: string;
  declineCode?: string;
};

/** Every failure the API reports; withApi turns it into Stripe's error JSON. */
export class ApiError extends Error {
  readonly status: number;
  readonly type: ApiErrorType;
  readonly code?: string;
  readonly param?: string;
  readonly declineCode?: string;

  constructor(init: ApiErrorInit) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.type = init.type;
    this.code = init.code;
    this.param = init.param;
    this.declineCode = init.declineCode;
  }

  toJSON() {
    return {
      error: {
        type: this.type,
        message: this.message,
        ...(this.code ? { code: this.code, doc_url: `https://docs.stripe.com/error-codes/${this.code.replaceAll('_', '-')}` } : {}),
        ...(this.param ? { param: this.param } : {}),
        ...(this.declineCode ? { decline_code: this.declineCode } : {}),
      },
    };
  }
}

export const invalidRequest = (message: string, param?: string, code = 'parameter_invalid') =>
  new ApiError({ status: 400, type: 'invalid_request_error', message, param, code });

export const missingParam = (param: string) =>
  new ApiError({ status: 400, type: 'invalid_request_error', code: 'parameter_missing', param, message: `Missing required param: ${param}.` });

export const unknownParam = (param: string) =>
  new ApiError({ status: 400, type: 'invalid_request_error', code: 'parameter_unknown', param, message: `Received unknown parameter: ${param}` });

/** A referenced object that does not exist for this account. */
export const noSuchObject = (kind: string, id: string, param = 'id', status = 404) =>
  new ApiError({ status, type: 'invalid_request_error', code: 'resource_missing', param, message: `No such ${kind}: '${id}'` });
