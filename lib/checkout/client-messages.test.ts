import fs from 'node:fs';
import path from 'node:path';
import type { AbstractIntlMessages } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { MESSAGE_LOCALES } from '@/i18n/locales';
import { CHECKOUT_CLIENT_NAMESPACES, checkoutClientMessages, clientMessages, INVOICE_PAY_CLIENT_NAMESPACES } from './client-messages';

const ROOT = path.resolve(import.meta.dirname, '../..');
const messagesOf = (locale: string) =>
  JSON.parse(fs.readFileSync(path.join(ROOT, 'messages', `${locale}.json`), 'utf8')) as AbstractIntlMessages;
const NAMESPACES = Object.keys(messagesOf('en'));

/** The module an import names, among the app's own sources (`@/…` or relative); null for a package. */
function resolveImport(from: string, spec: string): string | null {
  const base = spec.startsWith('@/')
    ? path.join(ROOT, spec.slice(2))
    : spec.startsWith('.')
      ? path.resolve(path.dirname(from), spec)
      : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')])
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  return null;
}

/**
 * The message namespaces the client modules reachable from a page read: every module at or below a `'use client'`
 * boundary, followed through its value imports; a namespace counts when the module names it in a string
 * (`useTranslations('Card')`, `t('Errors.required')`, `` t(`Errors.${key}`) ``).
 */
function clientNamespaces(entry: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const seen = new Set<string>();
  const walk = (file: string, client: boolean) => {
    const key = `${file}:${client}`;
    if (seen.has(key)) return;
    seen.add(key);
    const source = fs.readFileSync(file, 'utf8');
    const isClient = client || /^['"]use client['"]/m.test(source.slice(0, 200));
    if (isClient)
      for (const name of NAMESPACES)
        if (new RegExp(`['"\`]${name}(['"\`]|\\.)`).test(source)) found.set(name, [...(found.get(name) ?? []), path.relative(ROOT, file)]);
    for (const m of source.matchAll(/^import\s+(?!type\s)[^'"]*?from\s+['"]([^'"]+)['"]/gm)) {
      const next = resolveImport(file, m[1]);
      if (next) walk(next, isClient);
    }
  };
  walk(entry, false);
  return found;
}

describe("the pages' client messages", () => {
  it.each([
    ['app/c/[sessionId]/page.tsx', CHECKOUT_CLIENT_NAMESPACES],
    ['app/i/[invoiceId]/[signature]/page.tsx', INVOICE_PAY_CLIENT_NAMESPACES],
  ] as const)('%s sends every namespace its client components read', (page, sent) => {
    const read = clientNamespaces(path.join(ROOT, page));
    // The walk reaches the forms: a walk that found nothing would pass whatever the list said.
    expect([...read.keys()]).toEqual(expect.arrayContaining(['Card', 'Errors', 'PayButton']));
    const missing = [...read].filter(([name]) => !(sent as readonly string[]).includes(name));
    expect(missing, 'namespaces read by client modules but not sent').toEqual([]);
  });

  it.each([
    ['app/c/[sessionId]/page.tsx', CHECKOUT_CLIENT_NAMESPACES],
    ['app/i/[invoiceId]/[signature]/page.tsx', INVOICE_PAY_CLIENT_NAMESPACES],
  ] as const)(
    '%s sends no namespace its client components do not read (summary, states, receipts, portal stay on the server)',
    (page, sent) => {
      const read = clientNamespaces(path.join(ROOT, page));
      const unread = sent.filter((name) => !read.has(name));
      expect(unread, 'namespaces sent that no client module reads').toEqual([]);
    },
  );

  it.each(MESSAGE_LOCALES)('%s: the listed namespaces unchanged, the Pass without its email and delete page', (locale) => {
    const all = messagesOf(locale);
    const client = checkoutClientMessages(all);
    expect(Object.keys(client).sort()).toEqual([...CHECKOUT_CLIENT_NAMESPACES].sort());
    for (const name of CHECKOUT_CLIENT_NAMESPACES.filter((n) => n !== 'Pass')) expect(client[name]).toEqual(all[name]);
    const { email, delete: deletePage, ...passOnPage } = all.Pass as Record<string, AbstractIntlMessages>;
    expect(email).toBeDefined();
    expect(deletePage).toBeDefined();
    expect(client.Pass).toEqual(passOnPage);
    expect(client.Pass).toHaveProperty('signIn');
    for (const serverOnly of ['ActionErrors', 'Summary', 'States', 'Receipt', 'Invoice', 'Portal'])
      expect(client).not.toHaveProperty(serverOnly);
    expect(clientMessages(all, INVOICE_PAY_CLIENT_NAMESPACES)).toEqual({
      Card: all.Card,
      Errors: all.Errors,
      Invoice: all.Invoice,
      PayButton: all.PayButton,
    });
  });
});
