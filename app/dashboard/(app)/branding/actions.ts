'use server';

import { revalidatePath } from 'next/cache';
import { saveBranding } from '@/lib/branding/account-branding';
import { fail, ok, parseInput, type ActionResult } from '@/lib/dashboard/action-result';
import { requireMerchant } from '@/lib/dashboard/current-merchant';
import { IMAGE_MAX_BYTES } from '@/lib/images/limits';
import { storeImage } from '@/lib/images/images';
import { brandingSchema, type BrandingFormValues } from '@/lib/validation/branding';

// POST (server action) — save the signed-in account's display name, colours, font, border style, logo and icon
export async function saveBrandingAction(input: BrandingFormValues): Promise<ActionResult> {
  const { db, accountId } = await requireMerchant();
  const parsed = parseInput(brandingSchema, input);
  if (!parsed.ok) return parsed.result;
  const saved = await saveBranding(db, { accountId, values: parsed.data });
  if (!saved.ok) return 'field' in saved ? fail('invalid_input', { [saved.field]: saved.error }) : fail(saved.error);
  revalidatePath('/dashboard', 'layout');
  return ok();
}

// POST (server action) — upload a logo or icon image for the signed-in account (FormData field `file`); answers its /files URL, not yet saved to the branding
export async function uploadBrandImageAction(form: FormData): Promise<ActionResult<{ url: string }>> {
  const { db, accountId } = await requireMerchant();
  const file = form.get('file');
  if (!(file instanceof File) || file.size === 0) return fail('empty');
  // Refused before reading it into memory; storeImage checks the bytes again.
  if (file.size > IMAGE_MAX_BYTES) return fail('too_large');
  const stored = await storeImage(db, { accountId, bytes: new Uint8Array(await file.arrayBuffer()) });
  return stored.ok ? ok({ url: stored.image.url }) : fail(stored.problem);
}
