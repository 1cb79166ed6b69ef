import { describe, expect, it } from 'vitest';
import { checkFile, FILE_MAX_BYTES } from './check-file';

const bytes = (...b: number[]) => new Uint8Array(b);
const text = (s: string) => new TextEncoder().encode(s);

describe('what an upload is, by its bytes', () => {
  it('PDF, PNG and JPEG by their signatures, whatever name or type the client gave', () => {
    expect(checkFile(text('%PDF-1.7\n…'))).toEqual({ ok: true, type: 'pdf' });
    expect(checkFile(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0))).toEqual({ ok: true, type: 'png' });
    expect(checkFile(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10))).toEqual({ ok: true, type: 'jpg' });
  });

  it('refuses an empty file, one past 5 MB, and anything else (GIF, HTML, SVG, a truncated PNG signature)', () => {
    expect(checkFile(new Uint8Array())).toEqual({ ok: false, problem: 'empty' });
    const big = new Uint8Array(FILE_MAX_BYTES + 1);
    big.set(text('%PDF-'));
    expect(checkFile(big)).toEqual({ ok: false, problem: 'too_large' });
    expect(checkFile(big.subarray(0, FILE_MAX_BYTES))).toEqual({ ok: true, type: 'pdf' });
    for (const other of [
      text('GIF89a'),
      text('<html><script>'),
      text('<svg xmlns="http://www.w3.org/2000/svg"/>'),
      bytes(0x89, 0x50, 0x4e, 0x47),
    ])
      expect(checkFile(other)).toEqual({ ok: false, problem: 'unsupported_type' });
  });
});
