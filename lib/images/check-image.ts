import { imageSize } from 'image-size';
import { IMAGE_MAX_BYTES, IMAGE_MAX_SIDE, IMAGE_MIN_SIDE } from './limits';

export { IMAGE_MAX_BYTES, IMAGE_MAX_SIDE, IMAGE_MIN_SIDE };

// Raster formats only: an SVG can carry script.
const TYPES: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', webp: 'image/webp', gif: 'image/gif' };

export type CheckedImage = { contentType: string; width: number; height: number };
/** Keys of Dashboard.branding.image_errors (shared by every upload field). */
export type ImageProblem = 'empty' | 'too_large' | 'not_an_image' | 'too_small' | 'too_big_dimensions';

/**
 * What an uploaded file really is, read from its bytes (never from its name or the browser's
 * stated type), and whether Caisse takes it: PNG, JPEG, WebP or GIF, at most 512 KB and
 * 16–4096 pixels a side.
 */
export function checkImage(bytes: Uint8Array): { ok: true; image: CheckedImage } | { ok: false; problem: ImageProblem } {
  if (bytes.byteLength === 0) return { ok: false, problem: 'empty' };
  if (bytes.byteLength > IMAGE_MAX_BYTES) return { ok: false, problem: 'too_large' };
  let size: ReturnType<typeof imageSize>;
  try {
    size = imageSize(bytes);
  } catch {
    return { ok: false, problem: 'not_an_image' };
  }
  const contentType = size.type ? TYPES[size.type] : undefined;
  if (!contentType || !size.width || !size.height) return { ok: false, problem: 'not_an_image' };
  if (size.width < IMAGE_MIN_SIDE || size.height < IMAGE_MIN_SIDE) return { ok: false, problem: 'too_small' };
  if (size.width > IMAGE_MAX_SIDE || size.height > IMAGE_MAX_SIDE) return { ok: false, problem: 'too_big_dimensions' };
  return { ok: true, image: { contentType, width: size.width, height: size.height } };
}
