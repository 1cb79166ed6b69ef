import { PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';
import type { MessageLocale } from '@/i18n/locales';
import { parseHexOrThrow } from '@/lib/branding/color';
import { resolveTheme } from '@/lib/branding/theme';
import { messageCatalogue } from '@/lib/receipts/receipt-translator';
import type { InvoiceDocument } from './invoice-document';
import { invoiceDocumentOf, invoiceMerchantName, type InvoiceSource } from './invoice-source';

/**
 * The invoice as a PDF (its `invoice_pdf`), drawn with pdf-lib from the same document the hosted page
 * shows. Caisse ships no font files, so the PDF uses the standard Helvetica, which writes the Latin-1
 * languages (and €, dashes and quotes): an invoice in another of Caisse's languages is printed in
 * English, and any character Helvetica lacks in a name the merchant or customer typed prints as "?".
 */

const leaves = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(leaves) : [];

/** The invoice's language when Helvetica's encoding (WinAnsi) writes every one of its invoice messages, else English. */
export function pdfLocale(locale: MessageLocale, charset: ReadonlySet<number>): MessageLocale {
  for (const c of leaves(messageCatalogue(locale).Invoice).join('')) if (!charset.has(c.codePointAt(0) ?? 0)) return 'en';
  return locale;
}

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 50;
const GRAY = rgb(0.42, 0.45, 0.5);
const INK = rgb(0.07, 0.09, 0.15);
const RULE = rgb(0.9, 0.91, 0.92);

const toRgb = (hex: string): RGB => {
  const c = parseHexOrThrow(hex);
  return rgb(c.r / 255, c.g / 255, c.b / 255);
};

type Fonts = { regular: PDFFont; bold: PDFFont };

/** Writes top to bottom, starting a new page when the current one is full. */
class Writer {
  private page: PDFPage;
  private y: number;

  constructor(
    private readonly pdf: PDFDocument,
    private readonly fonts: Fonts,
    private readonly charset: ReadonlySet<number>,
  ) {
    this.page = pdf.addPage([A4.width, A4.height]);
    this.y = A4.height - MARGIN;
  }

  /** Only what the font can encode: narrow no-break spaces (French digit groups) as no-break spaces, the rest as "?". */
  clean(text: string): string {
    return text.replace(/\u202f/g, '\u00a0').replace(/[\s\S]/gu, (c) => (this.charset.has(c.codePointAt(0) ?? 0) ? c : '?'));
  }

  private room(height: number) {
    if (this.y - height >= MARGIN) return;
    this.page = this.pdf.addPage([A4.width, A4.height]);
    this.y = A4.height - MARGIN;
  }

  private wrap(text: string, font: PDFFont, size: number, width: number): string[] {
    const lines: string[] = [];
    let line = '';
    for (const word of this.clean(text).split(' ')) {
      const next = line ? `${line} ${word}` : word;
      if (line && font.widthOfTextAtSize(next, size) > width) {
        lines.push(line);
        line = word;
      } else line = next;
    }
    return [...lines, line];
  }

  band(color: RGB, height: number, draw: (top: number) => void) {
    this.page.drawRectangle({ x: 0, y: A4.height - height, width: A4.width, height, color });
    draw(A4.height);
    this.y = A4.height - height - 28;
  }

  text(text: string, p: { x?: number; size?: number; bold?: boolean; color?: RGB; width?: number; at?: number } = {}) {
    const font = p.bold ? this.fonts.bold : this.fonts.regular;
    const size = p.size ?? 10;
    const x = p.x ?? MARGIN;
    for (const line of this.wrap(text, font, size, p.width ?? A4.width - x - MARGIN)) {
      this.room(size * 1.4);
      this.page.drawText(line, { x, y: this.y - size, size, font, color: p.color ?? INK });
      this.y -= size * 1.4;
    }
  }

  /** A label on the left (wrapped short of the value) and a value flush right, on its first line. */
  row(label: string, value: string, p: { bold?: boolean; size?: number } = {}) {
    const font = p.bold ? this.fonts.bold : this.fonts.regular;
    const size = p.size ?? 10;
    const v = this.clean(value);
    const valueWidth = font.widthOfTextAtSize(v, size);
    const lines = this.wrap(label, font, size, A4.width - 2 * MARGIN - valueWidth - 24);
    lines.forEach((line, n) => {
      this.room(size * 1.6);
      this.page.drawText(line, { x: MARGIN, y: this.y - size, size, font, color: p.bold ? INK : GRAY });
      if (n === 0) this.page.drawText(v, { x: A4.width - MARGIN - valueWidth, y: this.y - size, size, font, color: INK });
      this.y -= size * (n === lines.length - 1 ? 1.6 : 1.3);
    });
  }

  rule() {
    this.room(10);
    this.page.drawLine({ start: { x: MARGIN, y: this.y - 4 }, end: { x: A4.width - MARGIN, y: this.y - 4 }, thickness: 1, color: RULE });
    this.y -= 12;
  }

  gap(points: number) {
    this.y -= points;
  }

  drawOnBand(text: string, p: { x: number; y: number; size: number; bold?: boolean; color: RGB }) {
    this.page.drawText(this.clean(text), {
      x: p.x,
      y: p.y,
      size: p.size,
      font: p.bold ? this.fonts.bold : this.fonts.regular,
      color: p.color,
    });
  }
}

function drawDocument(w: Writer, doc: InvoiceDocument, brand: { name: string; color: RGB; text: RGB }) {
  w.band(brand.color, 90, (top) => {
    w.drawOnBand(brand.name, { x: MARGIN, y: top - 45, size: 20, bold: true, color: brand.text });
    w.drawOnBand(doc.number, { x: MARGIN, y: top - 68, size: 11, color: brand.text });
  });
  w.text(doc.heading, { size: 16, bold: true });
  w.text(`${doc.status.label} — ${doc.headline}`, { size: 11 });
  w.gap(10);
  for (const [label, value] of doc.facts) w.row(label, value);
  if (doc.billTo) {
    w.gap(10);
    w.text(doc.billTo.title, { bold: true });
    for (const line of doc.billTo.lines) w.text(line);
  }
  w.gap(14);
  w.row(doc.headers.description, doc.headers.amount, { bold: true });
  w.rule();
  for (const item of doc.items) {
    w.row(item.description, item.amount, { bold: true });
    for (const detail of item.detail) w.text(detail, { color: GRAY, size: 9 });
    w.gap(4);
  }
  w.rule();
  for (const [label, value] of doc.totals) w.row(label, value);
  w.row(doc.due[0], doc.due[1], { bold: true, size: 12 });
  if (doc.taxNote) {
    w.gap(8);
    w.text(doc.taxNote, { size: 9 });
  }
  if (doc.nextAttempt) {
    w.gap(8);
    w.text(doc.nextAttempt, { color: GRAY, size: 9 });
  }
  if (doc.contact.length) {
    w.gap(20);
    for (const line of doc.contact) w.text(line, { color: GRAY, size: 9 });
  }
}

/** The PDF's bytes, in the invoice's language where Helvetica writes it (else English). */
export async function renderInvoicePdf(src: InvoiceSource, locale: MessageLocale): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const fonts = { regular: await pdf.embedFont(StandardFonts.Helvetica), bold: await pdf.embedFont(StandardFonts.HelveticaBold) };
  const charset = new Set(fonts.regular.getCharacterSet());
  const doc = invoiceDocumentOf(src, pdfLocale(locale, charset));
  const w = new Writer(pdf, fonts, charset);
  const theme = resolveTheme(src.account.branding);
  const merchant = invoiceMerchantName(src.account);
  pdf.setTitle(w.clean(`${doc.heading} — ${doc.number}`));
  pdf.setAuthor(w.clean(merchant));
  pdf.setCreator('Caisse');
  pdf.setProducer('Caisse');
  // The invoice's own dates, not the moment of the download: the same invoice always makes the same file.
  const issued = src.invoice.finalizedAt ?? src.invoice.createdAt;
  pdf.setCreationDate(issued);
  pdf.setModificationDate(issued);
  drawDocument(w, doc, { name: merchant, color: toRgb(theme.button), text: toRgb(theme.buttonText) });
  return pdf.save();
}
