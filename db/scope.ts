/** The API request behind a change, recorded on the events it causes (Stripe's `event.request`). */
export type ScopeRequest = { id: string | null; idempotencyKey: string | null };

/**
 * Whose data a read or a change is about: every query and every lib/ function on an account's objects
 * is scoped to one account. `request`, where there is one, is the API request making the change.
 */
export type AccountScope = { accountId: string; request?: ScopeRequest };
