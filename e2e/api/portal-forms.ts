import { expect } from 'vitest';
import { defined } from '../support/defined';
import { hiddenFields } from './pay-without-javascript';

// The customer portal's forms, posted as a browser without JavaScript posts them (shared by the portal's API tests).

/** The forms of a server-rendered page, in order. */
export const formsOf = (html: string) => [...html.matchAll(/<form[\s\S]*?<\/form>/g)].map((m) => m[0]);

export type PortalPost = {
  /** Where the 303 leads, absolute. */
  to: URL;
  /** The cookie the answer sets, as a browser sends it back (name=value), if any; and the whole Set-Cookie. */
  cookie: string | null;
  setCookie: string | null;
};

/** Posts the form of the page at `url` whose HTML holds `marker`, with its hidden fields and `fields` typed in. */
export async function postPortalForm(url: string, marker: string, fields: Record<string, string> = {}): Promise<PortalPost> {
  const form = defined(
    formsOf(await (await fetch(url)).text()).find((f) => f.includes(marker)),
    `the form with ${marker}`,
  );
  const body = hiddenFields(form);
  for (const [k, v] of Object.entries(fields)) body.set(k, v);
  const res = await fetch(url, { method: 'POST', body, redirect: 'manual' });
  expect(res.status).toBe(303);
  const setCookie = res.headers.get('set-cookie');
  return { to: new URL(defined(res.headers.get('location'), 'location'), url), cookie: setCookie?.split(';')[0] ?? null, setCookie };
}

/** The same, answering the result it lands on (?result=…). */
export const portalResult = async (url: string, marker: string, fields: Record<string, string> = {}) =>
  (await postPortalForm(url, marker, fields)).to.searchParams.get('result');
