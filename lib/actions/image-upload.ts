import { z } from 'zod';
import { storeImage } from '@/lib/images/images';
import { IMAGE_MAX_BYTES } from '@/lib/images/limits';
import { ActionError } from './errors';

/**
 * An uploaded image posted as FormData field `field`: refused when missing or empty
 * (`<prefix>empty`) or above the size limit (`<prefix>too_large`) before it is read into
 * memory. Use with `invalid: 'form'`: the key is the form's error.
 */
export function uploadedImageSchema<F extends string>(field: F, prefix = '') {
  const file = z
    .instanceof(File, { error: `${prefix}empty` })
    .refine((f) => f.size > 0, `${prefix}empty`)
    .refine((f) => f.size <= IMAGE_MAX_BYTES, `${prefix}too_large`);
  return z.object({ [field]: file } as { [K in F]: typeof file });
}

/** Stores the image for the account (storeImage checks the bytes again) and answers its served URL; a refused image throws `<prefix><problem>`. */
export async function storeUploadedImage(
  db: Parameters<typeof storeImage>[0],
  accountId: string,
  file: File,
  prefix = '',
): Promise<{ url: string }> {
  const stored = await storeImage(db, { accountId, bytes: new Uint8Array(await file.arrayBuffer()) });
  if (!stored.ok) throw new ActionError(`${prefix}${stored.problem}`);
  return { url: stored.image.url };
}
