/** What a sign-in, sign-up or password change tells the form; errors are keys of Dashboard.auth.errors. */
export type AuthOutcome =
  { ok: true } | { ok: false; error: 'rate_limited' | 'link_required' | 'invalid_credentials' | 'wrong_password' | 'link_invalid' };
