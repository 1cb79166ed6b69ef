/**
 * What counts as a custom domain's host name: a lowercase DNS name of at least two labels,
 * given alone (no scheme, port or path). Pure, so the dashboard form and the server share it.
 */

// Keys of Dashboard.domains.errors.
export type HostnameProblem =
  | 'hostname_required'
  | 'hostname_has_scheme'
  | 'hostname_has_path'
  | 'hostname_has_port'
  | 'hostname_not_ascii'
  | 'hostname_needs_dot'
  | 'hostname_ip'
  | 'hostname_invalid';

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/** Lower-cases and trims what the merchant typed; the checks below then judge it. */
export const normalizeHostname = (input: string) => input.trim().toLowerCase();

/** The first thing wrong with a (normalized) host name, or null when it is a usable DNS name. */
export function hostnameProblem(host: string): HostnameProblem | null {
  if (!host) return 'hostname_required';
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(host)) return 'hostname_has_scheme';
  if (/[/?#]/.test(host)) return 'hostname_has_path';
  if (/:\d*$/.test(host)) return 'hostname_has_port';
  // Internationalized names go in their xn-- form, which is what DNS and the Host header carry.
  if (/[^\x20-\x7e]/.test(host)) return 'hostname_not_ascii';
  if (!host.includes('.')) return 'hostname_needs_dot';
  if (/^[0-9.]+$/.test(host) || host.includes(':')) return 'hostname_ip';
  if (host.length > 253) return 'hostname_invalid';
  const labels = host.split('.');
  if (!labels.every((l) => LABEL.test(l))) return 'hostname_invalid';
  // A top-level domain is never all digits (that would be an IPv4 address in disguise).
  if (/^\d+$/.test(labels[labels.length - 1])) return 'hostname_ip';
  return null;
}

/** The host of a URL as the Host header names it, without port, lower-cased. */
export function hostOf(hostHeader: string | null | undefined): string {
  if (!hostHeader) return '';
  const h = hostHeader.trim().toLowerCase();
  // [::1]:3000 → [::1]; pay.example.com:443 → pay.example.com
  if (h.startsWith('[')) return h.slice(0, h.indexOf(']') + 1);
  return h.replace(/:\d*$/, '').replace(/\.$/, '');
}
