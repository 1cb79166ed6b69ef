import fs from 'node:fs';
import path from 'node:path';
import type { AbstractIntlMessages } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { MESSAGE_LOCALES } from '@/i18n/locales';
import { checkoutClientMessages } from './client-messages';

const messagesOf = (locale: string) =>
  JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../messages', `${locale}.json`), 'utf8')) as AbstractIntlMessages;

describe("the hosted page's client messages", () => {
  it.each(MESSAGE_LOCALES)('%s: every namespace of the checkout file but ActionErrors, unchanged', (locale) => {
    const all = messagesOf(locale);
    const { ActionErrors, ...rest } = all;
    expect(ActionErrors).toBeDefined();
    const client = checkoutClientMessages(all);
    expect(client).not.toHaveProperty('ActionErrors');
    expect(client).toEqual(rest);
  });
});
