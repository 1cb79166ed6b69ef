import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDocument, PDFName, PDFRawStream, type PDFObject } from 'pdf-lib';

// Windows-1252's 0x80–0x9F (Node's TextDecoder reads that label as Latin-1, where these are control codes); the rest is Latin-1.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const winAnsi = (bytes: Buffer) =>
  [...bytes].map((b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b))).join('');

/** A page's content streams, decompressed when they are Flate-encoded (as pdf-lib writes them). */
function contentOf(pdf: PDFDocument, contents: PDFObject | undefined): string[] {
  const resolved = contents ? pdf.context.lookup(contents) : undefined;
  if (resolved instanceof PDFArray) return resolved.asArray().flatMap((ref) => contentOf(pdf, ref));
  if (!(resolved instanceof PDFRawStream)) return [];
  const flate = resolved.dict.get(PDFName.of('Filter')) === PDFName.of('FlateDecode');
  const bytes = flate ? inflateSync(resolved.contents) : Buffer.from(resolved.contents);
  return [bytes.toString('latin1')];
}

/**
 * What a PDF made with the standard fonts says, for tests: pdf-lib loads it back (so it parses), and the
 * text it shows is read from its pages' content streams, where pdf-lib writes each string as hex in
 * Helvetica's encoding (WinAnsi, which is Windows-1252). Lines are joined with newlines.
 */
export async function pdfText(bytes: Uint8Array): Promise<{ title: string | undefined; pages: number; text: string }> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const strings = pdf
    .getPages()
    .flatMap((page) => contentOf(pdf, page.node.get(PDFName.of('Contents'))))
    .flatMap((content) => [...content.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)].map((m) => winAnsi(Buffer.from(m[1], 'hex'))));
  return { title: pdf.getTitle(), pages: pdf.getPageCount(), text: strings.join('\n') };
}
