/**
 * What a dashboard server action answers its caller. On failure, `error` is a stable code the
 * component may branch on (`last_active_key`, `not_found`…), `message` the same failure in the
 * dashboard's language, and `fieldErrors` localized messages keyed by the field's dotted path.
 * Safe to import from client components: types only.
 */
export type ActionFailure = { ok: false; error: string; message: string; fieldErrors?: Record<string, string> };
export type ActionResult<T = undefined> = { ok: true; data: T } | ActionFailure;
