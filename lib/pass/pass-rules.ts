/** How long a Pass's one-time code lives. */
export const PASS_CODE_MINUTES = 10;
/**
 * Wrong answers, to any of a Pass's codes, that lock the Pass: it then takes no code and no answer for at least
 * PASS_LOCK_MINUTES. They are counted over the codes sent in the last PASS_CODE_MINUTES + PASS_LOCK_MINUTES (a code
 * is answered within its lifetime), so asking for a new code never resets the count.
 */
export const PASS_CODE_MAX_ATTEMPTS = 5;
export const PASS_LOCK_MINUTES = 30;
/** Codes sent per email, and code requests and answers per client address, per window. */
export const PASS_EMAIL_LIMIT = { codes: 3, windowSeconds: 600 };
export const PASS_CLIENT_LIMIT = { tries: 20, windowSeconds: 600 };
/** How long a browser stays signed in to a Pass on one checkout page. */
export const PASS_SIGN_IN_MINUTES = 30;

/** One Pass per address, whatever its case. */
export const normalizePassEmail = (email: string) => email.trim().toLowerCase();

/** What the pay form posts as `saved_card` for the Pass's card. */
export const PASS_CARD = 'pass';
