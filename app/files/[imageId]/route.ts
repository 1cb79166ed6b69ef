// GET /files/{imageId} — an uploaded logo, icon or product image; immutable, so cached for a year
import { getDb } from '@/db/client';
import { findImage } from '@/lib/images/images';

export async function GET(_req: Request, { params }: { params: Promise<{ imageId: string }> }) {
  const { imageId } = await params;
  const image = /^img_[A-Za-z0-9]{24}$/.test(imageId) ? await findImage(await getDb(), imageId) : null;
  if (!image) return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain' } });
  return new Response(new Uint8Array(image.data), {
    headers: {
      'content-type': image.contentType,
      'cache-control': 'public, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
      'cross-origin-resource-policy': 'cross-origin',
    },
  });
}
