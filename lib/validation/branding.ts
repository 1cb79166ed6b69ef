import { z } from 'zod';
import { FONT_IDS } from '@/lib/branding/fonts';

/** The dashboard's branding form. Messages are keys of Dashboard.branding.errors. */

export const BORDER_STYLES = ['pill', 'rounded', 'rectangular'] as const;

// The colour input gives #rrggbb; a typed value may use capitals, the theme code lowercases it.
const hex = z
  .string()
  .trim()
  .regex(/^#[0-9a-fA-F]{6}$/, 'color_invalid');
// An image URL is checked against the account's own images by the action; here only its shape.
const imageUrl = z.string().trim().max(2048, 'image_invalid').nullable();

export const brandingSchema = z.object({
  displayName: z.string().trim().max(100, 'display_name_too_long'),
  backgroundColor: hex,
  buttonColor: hex,
  borderStyle: z.enum(BORDER_STYLES, 'border_invalid'),
  fontFamily: z.enum(FONT_IDS, 'font_invalid'),
  logoUrl: imageUrl,
  iconUrl: imageUrl,
});
export type BrandingFormInput = z.input<typeof brandingSchema>;
export type BrandingFormValues = z.output<typeof brandingSchema>;
