import { currencyExponent } from './currencies';

/** Minor units shown as money in a locale: 2500 eur in fr → "25,00 €"; 500 jpy → "￥500". */
export function formatAmount(minor: number, currency: string, locale: string): string {
  const exponent = currencyExponent(currency.toLowerCase());
  const major = minor / 10 ** exponent;
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: currency.toUpperCase(),
    minimumFractionDigits: exponent,
    maximumFractionDigits: exponent,
  }).format(major);
}
