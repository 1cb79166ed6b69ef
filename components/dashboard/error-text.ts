/** The part of next-intl's translator (of a form's namespace) errorText uses. */
type Translator = { (key: string, values?: Record<string, string>): string; has(key: string): boolean };

/**
 * A form error as words. The browser's own check of the shared schema reports message keys of
 * the form's `errors`; a server action (lib/actions) answers messages already in the dashboard's
 * language, shown as they are.
 */
export function errorText(
  t: Translator,
  message: string | null | undefined,
  values?: Record<string, string>,
  group = 'errors',
): string | null {
  if (!message) return null;
  const key = `${group}.${message}`;
  return t.has(key) ? t(key, values) : message;
}
