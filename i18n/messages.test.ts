import fs from 'node:fs';
import path from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { DASHBOARD_AREAS, DASHBOARD_LOCALES } from './dashboard';
import { MESSAGE_LOCALES } from './locales';

const MESSAGES_DIR = path.resolve(import.meta.dirname, '../messages');
/** Below this share of keys differing from English, a locale file is treated as an untranslated copy. */
const MIN_TRANSLATED_RATIO = 0.8;

const readJson = (...parts: string[]): unknown => JSON.parse(fs.readFileSync(path.join(MESSAGES_DIR, ...parts), 'utf8'));

/** The checkout's messages of a locale: one file. */
const loadCheckout = (locale: string) => readJson(`${locale}.json`);

/** The dashboard's messages of a locale, as next-intl gets them: one file per area under Dashboard.<area>. */
const loadDashboard = (locale: string) => ({
  Dashboard: Object.fromEntries(DASHBOARD_AREAS.map((area) => [area, readJson('dashboard', locale, `${area}.json`)])),
});

/** Leaf values by dotted key path; non-string leaves are kept so they can be reported. */
function flatten(value: unknown, prefix = '', out: Record<string, unknown> = {}): Record<string, unknown> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, out);
  } else {
    out[prefix] = value;
  }
  return out;
}

type Arg = { numeric: boolean; selectKeys: Set<string>; tag: boolean };
type PluralNode = { name: string; ordinal: boolean; keys: string[] };

/** Walks the ICU AST: every argument name (with how it is used) and every plural element. */
function analyse(ast: MessageFormatElement[]) {
  const args = new Map<string, Arg>();
  const plurals: PluralNode[] = [];
  const arg = (name: string) => {
    let a = args.get(name);
    if (!a) args.set(name, (a = { numeric: false, selectKeys: new Set(), tag: false }));
    return a;
  };
  const walk = (els: MessageFormatElement[]) => {
    for (const el of els) {
      switch (el.type) {
        case TYPE.argument:
        case TYPE.date:
        case TYPE.time:
          arg(el.value);
          break;
        case TYPE.number:
          arg(el.value).numeric = true;
          break;
        case TYPE.select:
          for (const [key, option] of Object.entries(el.options)) {
            arg(el.value).selectKeys.add(key);
            walk(option.value);
          }
          break;
        case TYPE.plural:
          arg(el.value).numeric = true;
          plurals.push({ name: el.value, ordinal: el.pluralType === 'ordinal', keys: Object.keys(el.options) });
          for (const option of Object.values(el.options)) walk(option.value);
          break;
        case TYPE.tag:
          arg(el.value).tag = true;
          walk(el.children);
          break;
        default:
          break; // literal, pound
      }
    }
  };
  walk(ast);
  return { args, plurals };
}

const argNames = (args: Map<string, Arg>) => [...args.entries()].map(([name, a]) => (a.tag ? `<${name}>` : name)).sort();

const NUMBER_SAMPLES = [0, 1, 2, 3, 4, 5, 11, 12, 21, 22, 25, 101, 1.5];

/** Every combination of select branches (plus one unmatched value) and sample numbers. */
function sampleValues(args: Map<string, Arg>): Record<string, unknown>[] {
  let combos: Record<string, unknown>[] = [{}];
  for (const [name, a] of args) {
    let choices: unknown[];
    if (a.tag) choices = [(chunks: unknown[]) => chunks.join('')];
    else if (a.selectKeys.size) choices = [...[...a.selectKeys].filter((k) => k !== 'other'), 'unmatched-value'];
    else if (a.numeric) choices = NUMBER_SAMPLES;
    else choices = [`sample ${name}`];
    combos = combos.flatMap((c) => choices.map((v) => ({ ...c, [name]: v })));
  }
  return combos;
}

/** Plural categories whole numbers reach in a locale (e.g. pl: one, few, many; ja: other). */
function integerCategories(locale: string, type: Intl.PluralRuleType): Set<string> {
  const rules = new Intl.PluralRules(locale, { type });
  const found = new Set<string>();
  for (let n = 0; n <= 200; n++) found.add(rules.select(n));
  return found;
}

/** Every locale of a message set has English's keys and arguments, valid plurals, and real translations. */
function checkMessageSet(locales: readonly string[], load: (locale: string) => unknown) {
  const en = flatten(load('en'));
  const enKeys = Object.keys(en).sort();
  const enArgs = new Map(enKeys.map((key) => [key, argNames(analyse(parse(String(en[key]))).args)]));

  describe.each(locales.map((locale) => [locale]))('%s', (locale: string) => {
    const messages = flatten(load(locale));

    it('has exactly the key paths of en.json', () => {
      const keys = Object.keys(messages).sort();
      expect(
        keys.filter((k) => !(k in en)),
        'keys not in en.json',
      ).toEqual([]);
      expect(
        enKeys.filter((k) => !(k in messages)),
        'keys missing from this locale',
      ).toEqual([]);
      expect(keys).toEqual(enKeys);
    });

    it('has a non-empty string for every key', () => {
      const bad = Object.entries(messages)
        .filter(([, v]) => typeof v !== 'string' || v.trim() === '')
        .map(([k]) => k);
      expect(bad).toEqual([]);
    });

    // One test per namespace (a few hundred keys in ~40 locales would be tens of thousands of tests); each
    // assertion names its key.
    const namespaces = [...new Set(enKeys.map((k) => k.split('.')[0]))];
    it.each(namespaces)('%s: every message parses, formats and uses the English arguments', (namespace) => {
      for (const key of enKeys.filter((k) => k.split('.')[0] === namespace)) checkMessage(key);
    });

    function checkMessage(key: string) {
      const message = messages[key];
      expect(typeof message, `${locale}: ${key} is missing or not a string`).toBe('string');
      const source = message as string;

      const ast = parse(source, { locale: new Intl.Locale(locale) });
      const { args, plurals } = analyse(ast);
      expect(argNames(args), `${locale}: ${key} arguments`).toEqual(enArgs.get(key));

      for (const plural of plurals) {
        const type: Intl.PluralRuleType = plural.ordinal ? 'ordinal' : 'cardinal';
        const valid = new Set(new Intl.PluralRules(locale, { type }).resolvedOptions().pluralCategories);
        const categories = plural.keys.filter((k) => !k.startsWith('='));
        expect(categories, `${locale}: ${key} {${plural.name}} needs an "other" branch`).toContain('other');
        expect(
          categories.filter((k) => !valid.has(k as Intl.LDMLPluralRule)),
          `${locale}: ${key} {${plural.name}} has categories ${locale} does not use`,
        ).toEqual([]);
        const missing = [...integerCategories(locale, type)].filter((c) => !categories.includes(c));
        expect(missing, `${locale}: ${key} {${plural.name}} misses plural categories`).toEqual([]);
      }

      const format = new IntlMessageFormat(source, locale);
      for (const values of sampleValues(args)) {
        let out: unknown;
        expect(() => (out = format.format(values as never)), `${locale}: ${key} with ${JSON.stringify(values)}`).not.toThrow();
        const text = Array.isArray(out) ? out.join('') : out;
        expect(typeof text, `${locale}: ${key} formats to text`).toBe('string');
      }
    }

    if (new Intl.Locale(locale).language === 'en' && locale !== 'en') {
      // A regional English (en-GB) shares most words with en.json, but is not a copy of it.
      it('is not a copy of en.json', () => {
        expect(enKeys.filter((k) => messages[k] !== en[k]).length).toBeGreaterThan(0);
      });
    } else if (locale !== 'en') {
      it(`differs from English for at least ${MIN_TRANSLATED_RATIO * 100}% of keys`, () => {
        const same = enKeys.filter((k) => messages[k] === en[k]);
        const ratio = (enKeys.length - same.length) / enKeys.length;
        expect(ratio, `${locale}: ${same.length}/${enKeys.length} identical to English: ${same.join(', ')}`).toBeGreaterThanOrEqual(
          MIN_TRANSLATED_RATIO,
        );
      });
    }
  });
}

describe('messages/*.json (checkout)', () => {
  it('ships exactly one file per MESSAGE_LOCALES entry', () => {
    const files = fs.readdirSync(MESSAGES_DIR).filter((f) => f.endsWith('.json'));
    expect(files.map((f) => f.replace(/\.json$/, '')).sort()).toEqual([...MESSAGE_LOCALES].sort());
  });
  checkMessageSet(MESSAGE_LOCALES, loadCheckout);
});

describe('messages/dashboard (dashboard)', () => {
  it('ships one directory per DASHBOARD_LOCALES entry with one file per area', () => {
    expect(fs.readdirSync(path.join(MESSAGES_DIR, 'dashboard')).sort()).toEqual([...DASHBOARD_LOCALES].sort());
    for (const locale of DASHBOARD_LOCALES) {
      const files = fs.readdirSync(path.join(MESSAGES_DIR, 'dashboard', locale)).map((f) => f.replace(/\.json$/, ''));
      expect(files.sort(), locale).toEqual([...DASHBOARD_AREAS].sort());
    }
  });
  checkMessageSet(DASHBOARD_LOCALES, loadDashboard);
});
