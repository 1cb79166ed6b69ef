/**
 * Control characters (C0, DEL, C1), spaces and the Unicode line separators:
 * never part of a URL. The WHATWG parser quietly drops tabs and newlines, so a
 * value can parse and still carry a CR/LF into a Location header or a link.
 */
const NOT_IN_URLS = /[\u0000-\u0020\u007f-\u009f\u2028\u2029]/;

/**
 * The URL when `value` is an absolute http(s) URL with a host, written out
 * (`https://…`), with nothing a URL may not contain; null otherwise.
 */
export function parseHttpUrl(value: string): URL | null {
  if (typeof value !== 'string' || NOT_IN_URLS.test(value) || !/^https?:\/\//i.test(value)) return null;
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname ? url : null;
  } catch {
    return null;
  }
}

/** A success/return URL template: `{CHECKOUT_SESSION_ID}` stands for the id it will be filled with. */
export const isHttpUrlTemplate = (value: string): boolean => parseHttpUrl(value.replaceAll('{CHECKOUT_SESSION_ID}', 'x')) !== null;

/**
 * A URL safe to send as a redirect's Location: as written when it is plain
 * printable ASCII, else its percent-encoded form; null when it is no valid
 * http(s) URL at all (a row stored before URLs were checked as strictly).
 */
export function redirectableUrl(value: string): string | null {
  const url = parseHttpUrl(value);
  if (!url) return null;
  return /^[\x21-\x7e]+$/.test(value) ? value : url.href;
}
