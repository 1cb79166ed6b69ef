import { stdnum } from 'stdnum';

/**
 * Tax ID formats, as Stripe names their types, checked offline: length, characters and check digits through
 * stdnum (a maintained port of python-stdnum) where the number has a public algorithm, else the published
 * pattern. Nothing here asks a registry (VIES, HMRC, ABR): a number with valid digits may still be unissued.
 */

type Validator = { validate(value: string): { isValid: boolean; compact?: string } };

/** How one type is checked and written: `check` answers the compact form (no prefix), or null when invalid. */
export type TaxIdFormat = {
  /** The country (ISO 3166-1 alpha-2) the type belongs to; EU VAT numbers carry their member state in `prefix`. */
  country: string;
  /** Whether the number has a check digit or an exact published pattern (true), or only a loose shape (false). */
  strict: boolean;
  /** An example value, shown under the field. */
  example: string;
  normalize(value: string): string | null;
};

/** Upper case, with the spaces, dots, dashes and slashes people type inside numbers removed. */
const squeeze = (value: string) => value.toUpperCase().replace(/[\s.\-/]/g, '');

/** A number checked by a stdnum validator, stored as its compact form after an optional fixed prefix. */
function byValidator(country: string, validator: Validator, example: string, prefix = ''): TaxIdFormat {
  return {
    country,
    strict: true,
    example,
    normalize(value) {
      let v = squeeze(value);
      if (prefix && v.startsWith(prefix)) v = v.slice(prefix.length);
      // Nothing after the prefix is no number; some validators throw on it (stdnum's Dutch one on "NL").
      if (!v) return null;
      try {
        const r = validator.validate(v);
        return r.isValid && r.compact ? `${prefix}${squeeze(r.compact)}` : null;
      } catch {
        // A validator that fails on odd input has not found a number: refused, not a server error.
        return null;
      }
    },
  };
}

/** A number with a published pattern and no public check digit, stored as typed (trimmed, upper case). */
function byPattern(country: string, pattern: RegExp, example: string, strict = true): TaxIdFormat {
  return {
    country,
    strict,
    example,
    normalize(value) {
      const v = value.trim().toUpperCase().replace(/\s+/g, ' ');
      return pattern.test(v) || pattern.test(squeeze(v)) ? v : null;
    },
  };
}

/** A format narrowed to the stored values a pattern accepts. */
function only(pattern: RegExp, format: TaxIdFormat): TaxIdFormat {
  return {
    ...format,
    normalize(value) {
      const v = format.normalize(value);
      return v && pattern.test(v) ? v : null;
    },
  };
}

/** EU VAT numbers by member state: the prefix the number is written with (Greece: EL) and its validator. */
const EU_VAT: Record<string, { prefix: string; validator: Validator; example: string }> = {
  AT: { prefix: 'AT', validator: stdnum.AT.uid, example: 'ATU12345678' },
  BE: { prefix: 'BE', validator: stdnum.BE.vat, example: 'BE0123456789' },
  BG: { prefix: 'BG', validator: stdnum.BG.vat, example: 'BG0123456789' },
  CY: { prefix: 'CY', validator: stdnum.CY.vat, example: 'CY12345678Z' },
  CZ: { prefix: 'CZ', validator: stdnum.CZ.dic, example: 'CZ1234567890' },
  DE: { prefix: 'DE', validator: stdnum.DE.vat, example: 'DE123456789' },
  DK: { prefix: 'DK', validator: stdnum.DK.cvr, example: 'DK12345678' },
  EE: { prefix: 'EE', validator: stdnum.EE.kmkr, example: 'EE123456789' },
  ES: { prefix: 'ES', validator: stdnum.ES.nif, example: 'ESA1234567Z' },
  FI: { prefix: 'FI', validator: stdnum.FI.alv, example: 'FI12345678' },
  FR: { prefix: 'FR', validator: stdnum.FR.tva, example: 'FRAB123456789' },
  GR: { prefix: 'EL', validator: stdnum.GR.vat, example: 'EL123456789' },
  HR: { prefix: 'HR', validator: stdnum.HR.oib, example: 'HR12345678912' },
  HU: { prefix: 'HU', validator: stdnum.HU.anum, example: 'HU12345678' },
  IE: { prefix: 'IE', validator: stdnum.IE.vat, example: 'IE1234567AB' },
  IT: { prefix: 'IT', validator: stdnum.IT.iva, example: 'IT12345678912' },
  LT: { prefix: 'LT', validator: stdnum.LT.pvm, example: 'LT123456789123' },
  LU: { prefix: 'LU', validator: stdnum.LU.tva, example: 'LU12345678' },
  LV: { prefix: 'LV', validator: stdnum.LV.pvn, example: 'LV12345678912' },
  MT: { prefix: 'MT', validator: stdnum.MT.vat, example: 'MT12345678' },
  NL: { prefix: 'NL', validator: stdnum.NL.btw, example: 'NL123456789B01' },
  PL: { prefix: 'PL', validator: stdnum.PL.nip, example: 'PL1234567890' },
  PT: { prefix: 'PT', validator: stdnum.PT.nif, example: 'PT123456789' },
  RO: { prefix: 'RO', validator: stdnum.RO.cif, example: 'RO1234567891' },
  SE: { prefix: 'SE', validator: stdnum.SE.vat, example: 'SE123456789123' },
  SI: { prefix: 'SI', validator: stdnum.SI.ddv, example: 'SI12345678' },
  SK: { prefix: 'SK', validator: stdnum.SK.dph, example: 'SK1234567891' },
};

export const EU_COUNTRIES: readonly string[] = Object.keys(EU_VAT);

/** Northern Ireland's EU VAT number: XI and a UK VAT number. */
const xiVat: TaxIdFormat = {
  country: 'GB',
  strict: true,
  example: 'XI123456789',
  normalize(value) {
    const v = squeeze(value);
    return v.startsWith('XI') ? (formats.gb_vat.normalize(v.slice(2))?.replace(/^GB/, 'XI') ?? null) : null;
  },
};

/** An EU VAT number of any member state (or Northern Ireland's XI): its prefix names the state whose check applies. */
const euVat: TaxIdFormat = {
  country: 'EU',
  strict: true,
  example: 'DE123456789',
  normalize(value) {
    const v = squeeze(value);
    if (v.startsWith('XI')) return xiVat.normalize(v);
    const state = Object.values(EU_VAT).find((s) => v.startsWith(s.prefix));
    return state ? byValidator('EU', state.validator, state.example, state.prefix).normalize(v) : null;
  },
};

/** The EU VAT format of one member state (or Northern Ireland, under GB): a number typed without its prefix gets it. */
export function euVatOf(country: string): TaxIdFormat | null {
  if (country === 'GB') return xiVat;
  if (!Object.hasOwn(EU_VAT, country)) return null;
  const state = EU_VAT[country];
  return byValidator(country, state.validator, state.example, state.prefix);
}

const formats = {
  eu_vat: euVat,
  gb_vat: byValidator('GB', stdnum.GB.vat, 'GB123456789', 'GB'),
  ch_vat: byValidator('CH', stdnum.CH.vat, 'CHE-123.456.789 MWST'),
  ch_uid: byValidator('CH', stdnum.CH.uid, 'CHE-123.456.789 HR'),
  li_uid: byValidator('LI', stdnum.CH.uid, 'CHE123456789'),
  li_vat: byPattern('LI', /^\d{5}$/, '12345'),
  no_vat: byValidator('NO', stdnum.NO.mva, '123456789MVA'),
  no_voec: byPattern('NO', /^\d{7}$/, '1234567'),
  is_vat: byValidator('IS', stdnum.IS.vsk, '123456'),
  au_abn: byValidator('AU', stdnum.AU.abn, '12345678912'),
  au_arn: byPattern('AU', /^\d{12}$/, '123456789123'),
  // The nine-digit business number alone: with a program account (RT0001) it is a GST/HST number.
  ca_bn: only(/^\d{9}$/, byValidator('CA', stdnum.CA.bn, '123456789')),
  ca_gst_hst: byValidator('CA', stdnum.CA.gst, '123456789RT0002'),
  ca_pst_bc: byPattern('CA', /^PST-?\d{4}-?\d{4}$/, 'PST-1234-5678'),
  ca_pst_mb: byPattern('CA', /^\d{6}-?\d$/, '123456-7'),
  ca_pst_sk: byPattern('CA', /^\d{7}$/, '1234567'),
  ca_qst: byValidator('CA', stdnum.CA.qst, '1234567890TQ1234'),
  in_gst: byValidator('IN', stdnum.IN.gstin, '12ABCDE3456FGZH'),
  jp_cn: byValidator('JP', stdnum.JP.cn, '1234567891234'),
  jp_trn: byValidator('JP', stdnum.JP.cn, 'T1234567891234', 'T'),
  jp_rn: byPattern('JP', /^\d{5}$/, '12345'),
  nz_gst: byValidator('NZ', stdnum.NZ.ird, '123456789'),
  sg_uen: byValidator('SG', stdnum.SG.uen, '123456789F'),
  sg_gst: byPattern('SG', /^(M\d{8}[A-Z]|\d{8,9}[A-Z]|[A-Z]\d{2}[A-Z]{2}\d{4}[A-Z])$/, 'M12345678X'),
  za_vat: byValidator('ZA', stdnum.ZA.vat, '4123456789'),
  tr_tin: byValidator('TR', stdnum.TR.vkn, '0123456789'),
  us_ein: byValidator('US', stdnum.US.ein, '12-3456789'),
  kr_brn: byValidator('KR', stdnum.KR.brn, '123-45-67890'),
  th_vat: byPattern('TH', /^\d{13}$/, '1234567891234'),
  il_vat: byValidator('IL', stdnum.IL.hp, '000012345'),
  id_npwp: byValidator('ID', stdnum.ID.npwp, '012.345.678.9-012.345'),
  mx_rfc: byValidator('MX', stdnum.MX.rfc, 'ABC010203AB9'),
  cl_tin: byValidator('CL', stdnum.CL.rut, '12.345.678-K'),
  eg_tin: byValidator('EG', stdnum.EG.tn, '123456789'),
  ke_pin: byValidator('KE', stdnum.KE.pin, 'P000111111A'),
  tw_vat: byValidator('TW', stdnum.TW.ubn, '12345678'),
  hk_br: byPattern('HK', /^\d{8}$/, '12345678'),
  br_cnpj: byValidator('BR', stdnum.BR.cnpj, '01.234.456/5432-10'),
  br_cpf: byValidator('BR', stdnum.BR.cpf, '123.456.789-87'),
  ar_cuit: byValidator('AR', stdnum.AR.cuit, '12-3456789-01'),
  co_nit: byValidator('CO', stdnum.CO.nit, '123.456.789-0'),
  pe_ruc: byValidator('PE', stdnum.PE.ruc, '12345678901'),
  ru_inn: byValidator('RU', stdnum.RU.inn, '1234567891'),
  ru_kpp: byPattern('RU', /^\d{9}$/, '123456789'),
  ua_vat: byPattern('UA', /^\d{9,12}$/, '123456789'),
  ae_trn: byPattern('AE', /^\d{15}$/, '123456789012345'),
  sa_vat: byPattern('SA', /^3\d{13}3$/, '123456789012345'),
  bh_vat: byPattern('BH', /^\d{15}$/, '123456789012345'),
  om_vat: byPattern('OM', /^OM\d{10}$/, 'OM1234567890'),
  my_sst: byPattern('MY', /^[A-Z]\d{2}-?\d{4}-?\d{8}$/, 'A12-3456-78912345'),
  my_itn: byPattern('MY', /^[A-Z]{1,2}\d{10}$/, 'C 1234567890'),
  my_frp: byPattern('MY', /^\d{8}$/, '12345678'),
  ge_vat: byPattern('GE', /^\d{9}$/, '123456789'),
  es_cif: byValidator('ES', stdnum.ES.cif, 'A12345678'),
  hr_oib: byValidator('HR', stdnum.HR.oib, '12345678901'),
  fr_siren: byValidator('FR', stdnum.FR.siren, '123456789'),
  fr_siret: byValidator('FR', stdnum.FR.siret, '12345678901234'),
  pl_nip: byValidator('PL', stdnum.PL.nip, '1234567890'),
  pt_nif: byValidator('PT', stdnum.PT.nif, '123456789'),
  it_cf: byValidator('IT', stdnum.IT.codicefiscale, 'RSSMRA85T10A562S'),
  de_stn: byValidator('DE', stdnum.DE.stnr, '1234567890'),
  cz_dic: byValidator('CZ', stdnum.CZ.dic, '12345678'),
  si_tin: byValidator('SI', stdnum.SI.ddv, '12345678'),
  is_kt: byValidator('IS', stdnum.IS.kennitala, '123456-7890'),
} satisfies Record<string, TaxIdFormat>;

export type KnownTaxIdType = keyof typeof formats;

export const TAX_ID_FORMATS: Readonly<Record<KnownTaxIdType, TaxIdFormat>> = formats;

export const isKnownTaxIdType = (type: string): type is KnownTaxIdType => Object.hasOwn(formats, type);
