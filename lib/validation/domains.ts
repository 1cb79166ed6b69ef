import { z } from 'zod';
import { hostnameProblem, normalizeHostname } from '@/lib/domains/hostname';
import { normalizeRedirectDomain } from '@/lib/domains/redirect-allowlist';

/** Custom domains and allowlists (dashboard). Messages are keys of Dashboard.domains.errors. */

export const addDomainSchema = z.object({
  hostname: z
    .string()
    .max(300, 'hostname_invalid')
    .transform(normalizeHostname)
    .superRefine((host, ctx) => {
      const problem = hostnameProblem(host);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
});
export type AddDomainInput = z.input<typeof addDomainSchema>;

export const MAX_ALLOWLIST_ENTRIES = 50;

/** A list typed one entry per line (commas and spaces also separate). */
export const listEntries = (text: string) => text.split(/[\s,]+/).filter(Boolean);

/** An origin that may frame embedded checkouts: https, or plain http on this machine for development. */
export function normalizeEmbedOrigin(entry: string): string | null {
  try {
    const origin = new URL(entry).origin;
    return origin.startsWith('https://') || /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/.test(origin) ? origin : null;
  } catch {
    return null;
  }
}

/** The first entry a normalizer refuses, so a form can name it. */
export const firstInvalidEntry = (text: string | string[], normalize: (e: string) => string | null) =>
  (typeof text === 'string' ? listEntries(text) : text).find((e) => normalize(e) === null);

// The form types a text; the server action receives the list the form's parse made of it and
// parses it again, so both shapes are accepted.
function listOf(normalize: (e: string) => string | null, invalid: string) {
  return z
    .union([
      z.string().max(20_000, 'too_many_entries'),
      z.array(z.string().max(300, invalid)).max(MAX_ALLOWLIST_ENTRIES, 'too_many_entries'),
    ])
    .transform((text, ctx) => {
      const entries = typeof text === 'string' ? listEntries(text) : text;
      if (entries.length > MAX_ALLOWLIST_ENTRIES) {
        ctx.addIssue({ code: 'custom', message: 'too_many_entries' });
        return z.NEVER;
      }
      const normalized = entries.map(normalize);
      if (normalized.some((e) => e === null)) {
        ctx.addIssue({ code: 'custom', message: invalid });
        return z.NEVER;
      }
      return [...new Set(normalized as string[])];
    });
}

export const redirectDomainsSchema = z.object({ redirectDomains: listOf(normalizeRedirectDomain, 'redirect_domain_invalid') });
export type RedirectDomainsValues = z.output<typeof redirectDomainsSchema>;

export const embedOriginsSchema = z.object({ embedOrigins: listOf(normalizeEmbedOrigin, 'embed_origin_invalid') });
export type EmbedOriginsValues = z.output<typeof embedOriginsSchema>;

/** One entry of the operator API's allowed_embed_origins / allowed_redirect_domains arrays. */
export const embedOrigin = z
  .string()
  .transform(
    (e, ctx) =>
      normalizeEmbedOrigin(e) ?? (ctx.addIssue({ code: 'custom', message: 'Embed origins must be https (or local http)' }), z.NEVER),
  );
export const redirectDomain = z
  .string()
  .transform(
    (e, ctx) =>
      normalizeRedirectDomain(e) ?? (ctx.addIssue({ code: 'custom', message: 'Redirect domains are host names or *.host names' }), z.NEVER),
  );
