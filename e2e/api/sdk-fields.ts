import { readFileSync } from 'node:fs';
import path from 'node:path';

// The fields of a Stripe object as the official SDK declares them (node_modules/stripe/cjs/resources/*.d.ts),
// to hold Caisse's JSON against: every field the type requires is there, and nothing the type does not know.

const RESOURCES = path.resolve(import.meta.dirname, '../../node_modules/stripe/cjs/resources');

/**
 * The fields of `interface Name` in `<file>.d.ts`: ['Charge'] is `export interface Charge`,
 * ['Charge', 'PaymentMethodDetails', 'Card'] the interface nested in its namespaces.
 */
export function sdkFields(file: string, names: [string, ...string[]]): { required: string[]; optional: string[] } {
  const lines = readFileSync(path.join(RESOURCES, `${file}.d.ts`), 'utf8').split('\n');
  let at = 0;
  const depth = names.length - 1;
  names.forEach((name, level) => {
    const indent = ' '.repeat(level * 4);
    const last = level === depth;
    const head =
      level === 0
        ? last
          ? `export interface ${name} {`
          : `export declare namespace ${name} {`
        : `${indent}${last ? 'interface' : 'namespace'} ${name} {`;
    const found = lines.findIndex((l, i) => i >= at && l === head);
    if (found < 0) throw new Error(`${file}.d.ts: ${head.trim()} not found`);
    at = found + 1;
  });
  const indent = ' '.repeat((depth + 1) * 4);
  const end = lines.findIndex((l, i) => i >= at && l === `${' '.repeat(depth * 4)}}`);
  const fields = lines.slice(at, end).flatMap((l) => {
    const m = new RegExp(`^${indent}([a-z_0-9]+)(\\??):`).exec(l);
    return m ? [{ name: m[1], optional: m[2] === '?' }] : [];
  });
  return { required: fields.filter((f) => !f.optional).map((f) => f.name), optional: fields.filter((f) => f.optional).map((f) => f.name) };
}

/** The fields `object` lacks of those the SDK type requires, and those it has that the type does not declare. */
export function shapeGaps(object: object, fields: { required: string[]; optional: string[] }) {
  const keys = Object.keys(object);
  return {
    missing: fields.required.filter((k) => !keys.includes(k)),
    unknown: keys.filter((k) => !fields.required.includes(k) && !fields.optional.includes(k)),
  };
}
