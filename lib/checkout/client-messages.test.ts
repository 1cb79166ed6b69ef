import fs from 'node:fs';
import path from 'node:path';
import type { AbstractIntlMessages } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { MESSAGE_LOCALES } from '@/i18n/locales';
import { checkoutClientMessages } from './client-messages';

const messagesOf = (locale: string) =>
  JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../messages', `${locale}.json`), 'utf8')) as AbstractIntlMessages;

describe("the hosted page's client messages", () => {
  it.each(MESSAGE_LOCALES)(
    "%s: every namespace of the checkout file but ActionErrors and the Pass's email and delete page, unchanged",
    (locale) => {
      const all = messagesOf(locale);
      const { ActionErrors, Pass, ...rest } = all;
      expect(ActionErrors).toBeDefined();
      const { email, delete: deletePage, ...passOnPage } = Pass as Record<string, AbstractIntlMessages>;
      expect(email).toBeDefined();
      expect(deletePage).toBeDefined();
      const client = checkoutClientMessages(all);
      expect(client).not.toHaveProperty('ActionErrors');
      expect(client).toEqual({ ...rest, Pass: passOnPage });
      expect(client.Pass).toHaveProperty('signIn');
    },
  );
});
