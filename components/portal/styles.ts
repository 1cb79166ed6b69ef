// The portal page's shared looks, one place for every section.
export const LINK = 'font-medium text-[var(--ck-link)] underline underline-offset-2';
export const BUTTON = 'rounded-md border border-gray-300 bg-white px-3 py-1 text-sm font-medium text-gray-900 hover:bg-gray-50';
export const PRIMARY = 'rounded-md bg-gray-900 px-4 py-2 text-sm font-medium text-white hover:bg-gray-700';
export const SECTION = 'mt-8 rounded-lg border border-gray-200 bg-white p-5';

/** A server action bound by the page to its session id and token: a plain form post. */
export type PortalFormAction = (form: FormData) => Promise<void>;
