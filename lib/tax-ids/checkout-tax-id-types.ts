import { EU_COUNTRIES } from '@/lib/tax/jurisdictions';
import type { KnownTaxIdType } from './tax-id-formats';

/**
 * The business tax IDs the checkout page takes, by the customer's country, most usual first — the types Stripe
 * Checkout collects there. A country absent here has no tax ID field: "purchasing as a business" is not offered.
 */
const CHECKOUT_TYPES: Readonly<Record<string, readonly KnownTaxIdType[]>> = {
  ...Object.fromEntries([...EU_COUNTRIES].map((c) => [c, ['eu_vat'] as const])),
  // Northern Ireland's businesses hold an XI (EU VAT) number beside their GB one.
  GB: ['gb_vat', 'eu_vat'],
  CH: ['ch_vat', 'ch_uid'],
  LI: ['li_uid', 'li_vat'],
  NO: ['no_vat', 'no_voec'],
  IS: ['is_vat'],
  AU: ['au_abn', 'au_arn'],
  NZ: ['nz_gst'],
  CA: ['ca_gst_hst', 'ca_qst', 'ca_bn', 'ca_pst_bc', 'ca_pst_mb', 'ca_pst_sk'],
  US: ['us_ein'],
  IN: ['in_gst'],
  JP: ['jp_trn', 'jp_cn', 'jp_rn'],
  SG: ['sg_uen', 'sg_gst'],
  ZA: ['za_vat'],
  TR: ['tr_tin'],
  KR: ['kr_brn'],
  TH: ['th_vat'],
  IL: ['il_vat'],
  ID: ['id_npwp'],
  MX: ['mx_rfc'],
  CL: ['cl_tin'],
  EG: ['eg_tin'],
  KE: ['ke_pin'],
  TW: ['tw_vat'],
  HK: ['hk_br'],
  BR: ['br_cnpj', 'br_cpf'],
  AR: ['ar_cuit'],
  CO: ['co_nit'],
  PE: ['pe_ruc'],
  RU: ['ru_inn', 'ru_kpp'],
  UA: ['ua_vat'],
  AE: ['ae_trn'],
  SA: ['sa_vat'],
  BH: ['bh_vat'],
  OM: ['om_vat'],
  MY: ['my_sst', 'my_itn', 'my_frp'],
  GE: ['ge_vat'],
};

/** Whether the page takes a business tax ID from a customer in this country. Safe in the browser: no validators. */
export const taxIdSupported = (country: string | null | undefined): boolean => !!country && Object.hasOwn(CHECKOUT_TYPES, country);

/** The country's types, most usual first; none where the page takes no tax ID. */
export const checkoutTaxIdTypes = (country: string): readonly KnownTaxIdType[] => CHECKOUT_TYPES[country] ?? [];

/** Every country the page takes a tax ID from. */
export const TAX_ID_COUNTRIES: readonly string[] = Object.keys(CHECKOUT_TYPES);
