'use server';

import { merchantAction } from '@/lib/actions/action';
import { ActionError } from '@/lib/actions/errors';
import { storeUploadedImage, uploadedImageSchema } from '@/lib/actions/image-upload';
import { saveBranding } from '@/lib/branding/account-branding';
import { brandingSchema } from '@/lib/validation/branding';

// POST (server action) — save the signed-in account's display name, colours, font, border style, logo and icon
export const saveBrandingAction = merchantAction(
  brandingSchema,
  async (values, { db, accountId }) => {
    const saved = await saveBranding(db, { accountId, values });
    if (!saved.ok) throw 'field' in saved ? new ActionError('invalid_input', { [saved.field]: saved.error }) : new ActionError(saved.error);
  },
  { messages: 'Dashboard.branding.errors', revalidate: [{ path: '/dashboard', type: 'layout' }] },
);

// POST (server action) — upload a logo or icon image for the signed-in account (FormData field `file`); answers its /files URL, not yet saved to the branding
export const uploadBrandImageAction = merchantAction(
  uploadedImageSchema('file'),
  (f, { db, accountId }) => storeUploadedImage(db, accountId, f.file),
  { messages: 'Dashboard.branding.image_errors', invalid: 'form' },
);
