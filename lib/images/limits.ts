/** What Caisse takes as an upload; apart from check-image so the browser can check size without the image parser. */
export const IMAGE_MAX_BYTES = 512 * 1024;
export const IMAGE_MIN_SIDE = 16;
export const IMAGE_MAX_SIDE = 4096;
