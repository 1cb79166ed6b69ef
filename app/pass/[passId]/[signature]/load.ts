import 'server-only';
import { headers } from 'next/headers';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { DEFAULT_LOCALE, localeFromAcceptLanguage } from '@/i18n/locales';
import { passOfDeleteLink } from '@/lib/pass/delete-pass';

/** The Pass behind /pass/:passId/:signature (null: deleted, or a link Caisse never signed), in the browser's language. */
export const loadPassPage = cache(async (passId: string, signature: string) => {
  const pass = await passOfDeleteLink(await getDb(), { passId, signature });
  return { pass, locale: localeFromAcceptLanguage((await headers()).get('accept-language')) ?? DEFAULT_LOCALE };
});
