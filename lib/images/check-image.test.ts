import { describe, expect, it } from 'vitest';
import { checkImage, IMAGE_MAX_BYTES } from './check-image';

/** A minimal PNG header (signature + IHDR) of the given size; image-size reads only this far. */
function png(width: number, height: number, padTo = 64): Uint8Array {
  const buf = Buffer.alloc(Math.max(padTo, 33));
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(buf, 0);
  buf.writeUInt32BE(13, 8);
  buf.write('IHDR', 12, 'ascii');
  buf.writeUInt32BE(width, 16);
  buf.writeUInt32BE(height, 20);
  buf[24] = 8;
  buf[25] = 6;
  return buf;
}

describe('checkImage', () => {
  it('reads the type and size from the bytes', () => {
    expect(checkImage(png(200, 80))).toEqual({ ok: true, image: { contentType: 'image/png', width: 200, height: 80 } });
  });

  it('refuses what is not a raster image, whatever it is called', () => {
    expect(
      checkImage(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20"><script>alert(1)</script></svg>')),
    ).toEqual({ ok: false, problem: 'not_an_image' });
    expect(checkImage(Buffer.from('%PDF-1.7 not an image at all, just text'))).toEqual({ ok: false, problem: 'not_an_image' });
  });

  it('refuses empty, oversized and out-of-range files', () => {
    expect(checkImage(new Uint8Array())).toEqual({ ok: false, problem: 'empty' });
    expect(checkImage(png(100, 100, IMAGE_MAX_BYTES + 1))).toEqual({ ok: false, problem: 'too_large' });
    expect(checkImage(png(100, 100, IMAGE_MAX_BYTES))).toMatchObject({ ok: true });
    expect(checkImage(png(8, 100))).toEqual({ ok: false, problem: 'too_small' });
    expect(checkImage(png(5000, 100))).toEqual({ ok: false, problem: 'too_big_dimensions' });
  });
});
