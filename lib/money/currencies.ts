/**
 * ISO 4217 currencies Caisse accepts, mirroring Stripe's presentment list.
 * Codes are lowercase because that is how Stripe's API returns them; callers
 * normalise user input before asking.
 */

// Zero-decimal: an amount of 500 jpy means ¥500, not ¥5.00.
const ZERO_DECIMAL = new Set([
  'bif',
  'clp',
  'djf',
  'gnf',
  'jpy',
  'kmf',
  'krw',
  'mga',
  'pyg',
  'rwf',
  'ugx',
  'vnd',
  'vuv',
  'xaf',
  'xof',
  'xpf',
]);

// Three-decimal: 1000 kwd minor units is 1.000 KWD.
const THREE_DECIMAL = new Set(['bhd', 'jod', 'kwd', 'omr', 'tnd']);

const TWO_DECIMAL = [
  'aed',
  'afn',
  'all',
  'amd',
  'ang',
  'aoa',
  'ars',
  'aud',
  'awg',
  'azn',
  'bam',
  'bbd',
  'bdt',
  'bgn',
  'bmd',
  'bnd',
  'bob',
  'brl',
  'bsd',
  'bwp',
  'byn',
  'bzd',
  'cad',
  'cdf',
  'chf',
  'cny',
  'cop',
  'crc',
  'cve',
  'czk',
  'dkk',
  'dop',
  'dzd',
  'egp',
  'etb',
  'eur',
  'fjd',
  'fkp',
  'gbp',
  'gel',
  'gip',
  'gmd',
  'gtq',
  'gyd',
  'hkd',
  'hnl',
  'htg',
  'huf',
  'idr',
  'ils',
  'inr',
  'isk',
  'jmd',
  'kes',
  'kgs',
  'khr',
  'kyd',
  'kzt',
  'lak',
  'lbp',
  'lkr',
  'lrd',
  'lsl',
  'mad',
  'mdl',
  'mkd',
  'mmk',
  'mnt',
  'mop',
  'mur',
  'mvr',
  'mwk',
  'mxn',
  'myr',
  'mzn',
  'nad',
  'ngn',
  'nio',
  'nok',
  'npr',
  'nzd',
  'pab',
  'pen',
  'pgk',
  'php',
  'pkr',
  'pln',
  'qar',
  'ron',
  'rsd',
  'rub',
  'sar',
  'sbd',
  'scr',
  'sek',
  'sgd',
  'shp',
  'sle',
  'sos',
  'srd',
  'std',
  'szl',
  'thb',
  'tjs',
  'top',
  'try',
  'ttd',
  'twd',
  'tzs',
  'uah',
  'usd',
  'uyu',
  'uzs',
  'wst',
  'xcd',
  'yer',
  'zar',
  'zmw',
];

const SUPPORTED = new Set([...TWO_DECIMAL, ...ZERO_DECIMAL, ...THREE_DECIMAL]);

const CODE_PATTERN = /^[a-z]{3}$/;

/**
 * Number of minor-unit digits for a currency (0, 2 or 3).
 * Throws on anything that is not three lowercase letters: "JPY" silently
 * falling through to 2 would make every yen amount 100× wrong.
 */
export function currencyExponent(currency: string): number {
  if (typeof currency !== 'string' || !CODE_PATTERN.test(currency)) {
    throw new RangeError(`Currency must be a lowercase ISO 4217 code, got ${JSON.stringify(currency)}`);
  }
  if (ZERO_DECIMAL.has(currency)) return 0;
  if (THREE_DECIMAL.has(currency)) return 3;
  return 2;
}

export function isSupportedCurrency(currency: string): boolean {
  return SUPPORTED.has(currency);
}
