import 'server-only';
import type { Queryable } from '@/db/client';
import { accountProfile, updateAccountBranding, type AccountProfile } from '@/db/queries/account-settings';
import type { AccountBranding } from '@/db/schema';
import { ownImageId, ownsImage } from '@/lib/images/images';
import type { BrandingFormInput, BrandingFormValues } from '@/lib/validation/branding';
import { DEFAULT_BRANDING, mergeBranding, type BrandingInput } from './theme';

/**
 * The account's branding as the dashboard edits it, and the checks that keep
 * what a merchant saves (or previews) to their own images.
 */

/** The branding page's starting values and the account's own name (the display name's fallback). */
export async function loadBrandingForm(
  db: Queryable,
  p: { accountId: string },
): Promise<{ values: BrandingFormInput; accountName: string } | null> {
  const profile = await accountProfile(db, p);
  return profile ? { values: brandingFormValues(profile), accountName: profile.name } : null;
}

/** The form's starting values: what is saved, with the checkout's defaults where nothing is. */
export function brandingFormValues(profile: AccountProfile): BrandingFormInput {
  const b = mergeBranding(profile.branding, null);
  return {
    displayName: profile.displayName ?? '',
    backgroundColor: b.background_color ?? DEFAULT_BRANDING.background_color,
    buttonColor: b.button_color ?? DEFAULT_BRANDING.button_color,
    borderStyle: b.border_style ?? DEFAULT_BRANDING.border_style,
    fontFamily: (b.font_family ?? DEFAULT_BRANDING.font_family) as BrandingFormInput['fontFamily'],
    logoUrl: profile.branding.logo_url ?? null,
    iconUrl: profile.branding.icon_url ?? null,
  };
}

/**
 * An image URL the account may show: none, the one already saved (it may be an
 * https URL set before the dashboard existed), or one of its own uploads.
 * Another account's upload, or any other URL, is refused.
 */
export async function acceptableImageUrl(
  db: Queryable,
  p: { accountId: string; url: string | null; current: string | null | undefined },
): Promise<boolean> {
  if (!p.url || p.url === p.current) return true;
  const id = ownImageId(p.url);
  return id !== null && (await ownsImage(db, { accountId: p.accountId, id }));
}

export type SaveBrandingResult =
  { ok: true } | { ok: false; field: 'logoUrl' | 'iconUrl'; error: 'image_invalid' } | { ok: false; error: 'not_found' };

export async function saveBranding(db: Queryable, p: { accountId: string; values: BrandingFormValues }): Promise<SaveBrandingResult> {
  const profile = await accountProfile(db, { accountId: p.accountId });
  if (!profile) return { ok: false, error: 'not_found' };
  const v = p.values;
  for (const field of ['logoUrl', 'iconUrl'] as const) {
    const current = field === 'logoUrl' ? profile.branding.logo_url : profile.branding.icon_url;
    if (!(await acceptableImageUrl(db, { accountId: p.accountId, url: v[field], current })))
      return { ok: false, field, error: 'image_invalid' };
  }
  const branding: AccountBranding = {
    background_color: v.backgroundColor.toLowerCase(),
    button_color: v.buttonColor.toLowerCase(),
    border_style: v.borderStyle,
    font_family: v.fontFamily,
    logo_url: v.logoUrl,
    icon_url: v.iconUrl,
  };
  await updateAccountBranding(db, { accountId: p.accountId, displayName: v.displayName || null, branding });
  return { ok: true };
}

/** Unsaved edits sent to the preview; every field optional and untrusted. */
export type PreviewParams = { name?: string; bg?: string; button?: string; border?: string; font?: string; logo?: string };

/**
 * What the preview renders: the unsaved edits over the saved branding, through the same
 * mergeBranding the checkout uses (unusable values fall back field by field).
 */
export async function previewBranding(db: Queryable, p: { accountId: string; params: PreviewParams }) {
  const profile = await accountProfile(db, { accountId: p.accountId });
  if (!profile) return null;
  const edits: BrandingInput = {
    background_color: p.params.bg,
    button_color: p.params.button,
    border_style: p.params.border as BrandingInput['border_style'],
    font_family: p.params.font,
  };
  const branding = mergeBranding(profile.branding, edits);
  const saved = profile.branding.logo_url ?? profile.branding.icon_url ?? null;
  const logo = p.params.logo === undefined ? saved : p.params.logo || null;
  const logoUrl = logo && (await acceptableImageUrl(db, { accountId: p.accountId, url: logo, current: saved })) ? logo : null;
  const name = (p.params.name === undefined ? profile.displayName : p.params.name.trim().slice(0, 100)) || profile.name;
  return { branding, name, logoUrl };
}
