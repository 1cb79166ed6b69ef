import { ApiError, isErrorCode } from '@/lib/api/errors';
import type { Decline } from './processor';

/** The card was refused: Stripe's 402 card error, with the payment intent the attempt was made on when there is one. */
export const cardDeclined = (decline: Decline, paymentIntent?: object) =>
  new ApiError({
    status: 402,
    type: 'card_error',
    message: decline.message,
    code: isErrorCode(decline.code) ? decline.code : 'card_declined',
    declineCode: decline.declineCode ?? undefined,
    ...(paymentIntent ? { paymentIntent } : {}),
  });
