import { layoutText } from "./layout-text.ts";
import type { FontKey, LaidLine, PageBox, ReportCanvas, ReportFonts, TextMeasurer, TextStyle } from "./pdf-types.ts";

/** Line height and where the baseline sits in it, as multiples of the font size (Noto Sans metrics). */
const LINE_HEIGHT = 1.36;
const BASELINE = 1.06;
const DEFAULT_COLOR = "#1f2937";

/**
 * Ends an ActualText span so that poppler places its text where the glyphs are. poppler positions the
 * ActualText with the graphics state current at EMC; pdfkit draws text inside q/Q with a flipped
 * matrix, so at EMC the matrix is pdfkit's page matrix and the font unset: pdftotext then puts the text
 * upside down on the page (another line, another place) and sizes it wrongly. Setting the text's
 * matrix and font around EMC (the flip is its own inverse, no q/Q across the span) keeps it in its line.
 */
function closeActualText(doc: PDFKit.PDFDocument, size: number): void {
  // pdfkit does not expose the resource name of the current font; it is `_font.id` (F1, F2, …).
  const fontId = (doc as unknown as { _font: { id: string } })._font.id;
  const height = doc.page.height;
  doc.transform(1, 0, 0, -1, 0, height);
  doc.addContent(`/${fontId} ${size} Tf`);
  doc.endMarkedContent();
  doc.transform(1, 0, 0, -1, 0, height);
}

/**
 * Keeps memory bounded on long reports, by reaching into two pdfkit internals (checked, else left alone):
 * - a finished page's content chunks are joined into one buffer: pdfkit keeps one small Uint8Array per
 *   content operator until the document ends (pages are buffered for the contents and footers), several
 *   hundred bytes each, about 150 MB for a 400-page manifest. Later writes (footers) append as before.
 * - the fonts' layout caches (shaped glyph runs per word, never evicted) are emptied: every hash and id
 *   is a word of its own, about 100 MB for 10,000 manifest entries.
 */
function compactPage(doc: PDFKit.PDFDocument): void {
  const content = (doc.page as unknown as { content?: { buffer?: unknown } }).content;
  const chunks = content?.buffer;
  if (content && Array.isArray(chunks) && chunks.length > 1 && chunks.every((c) => c instanceof Uint8Array)) {
    content.buffer = [Buffer.concat(chunks)];
  }
  const families = (doc as unknown as { _fontFamilies?: Record<string, { layoutCache?: unknown }> })._fontFamilies;
  for (const font of Object.values(families ?? {})) {
    if (font.layoutCache && typeof font.layoutCache === "object") font.layoutCache = Object.create(null);
  }
}

/**
 * Wraps a pdfkit document (A4, buffered pages, its default font `fonts.defaultPath`, the other fonts
 * registered as `<font>-regular|bold`) in the
 * report's drawing surface: all text goes through `layoutText` (sanitized, font fallback, bidi) and is
 * drawn run by run on one baseline; pagination is explicit (no pdfkit auto page breaks).
 */
export function createReportCanvas(doc: PDFKit.PDFDocument, fonts: ReportFonts, box: PageBox): ReportCanvas {
  const fontName = (font: FontKey, bold: boolean | undefined) =>
    font === "latin" && !bold ? fonts.defaultPath : `${font}-${bold ? "bold" : "regular"}`;
  const measurers = new Map<string, TextMeasurer>();
  let pages = 1;
  const measurerFor = (style: TextStyle): TextMeasurer => {
    const key = `${style.size}:${style.bold ? 1 : 0}`;
    let measurer = measurers.get(key);
    if (!measurer) {
      // Widths are asked for the same words again and again (a requirement's title in every system's
      // table), and fontkit's layout was 45 % of a 50-system report's CPU (measured with --cpu-prof):
      // each distinct (font, shaping, text) is measured once per style.
      const widths = new Map<string, number>();
      measurer = {
        hasGlyph: (font, codePoint) => fonts.hasGlyph(font, codePoint),
        width: (font, text, shapeWhole) => {
          const key = `${font}\u0000${shapeWhole ? 1 : 0}\u0000${text}`;
          let width = widths.get(key);
          if (width === undefined) {
            width = doc
              .font(fontName(font, style.bold))
              .fontSize(style.size)
              .widthOfString(text, shapeWhole ? { features: [] } : {});
            widths.set(key, width);
          }
          return width;
        },
      };
      measurers.set(key, measurer);
    }
    return measurer;
  };
  const lineHeight = (size: number) => size * LINE_HEIGHT;

  const drawLines = (
    lines: LaidLine[],
    x: number,
    y: number,
    style: TextStyle,
    width: number,
    align: "left" | "right" | "center" = "left",
  ): number => {
    const step = lineHeight(style.size);
    doc.fillColor(style.color ?? DEFAULT_COLOR);
    lines.forEach((line, i) => {
      const left = x + (align === "right" ? width - line.width : align === "center" ? (width - line.width) / 2 : 0);
      const baseline = y + i * step + style.size * BASELINE;
      for (const run of line.runs) {
        doc.font(fontName(run.font, style.bold)).fontSize(style.size);
        // textWidth/wordCount: already measured, so pdfkit does not measure the run again.
        const options: PDFKit.Mixins.TextOptions & { textWidth: number; wordCount: number } = {
          lineBreak: false,
          baseline: "alphabetic",
          textWidth: run.width,
          wordCount: 1,
          ...(run.shapeWhole ? { features: [] } : {}),
        };
        if (run.actual === null) {
          doc.text(run.text, left + run.x, baseline, options);
          continue;
        }
        doc.markContent("Span", { actual: run.actual });
        doc.text(run.text, left + run.x, baseline, options);
        closeActualText(doc, style.size);
      }
    });
    return lines.length * step;
  };

  const canvas: ReportCanvas = {
    doc,
    box,
    y: box.top,
    pageIndex: () => pages - 1,
    lineHeight,
    layout: (text, style, width) => layoutText(text, width, measurerFor(style)),
    drawLines,
    text: (text, x, y, style, width, align) =>
      drawLines(layoutText(text, width, measurerFor(style)), x, y, style, width, align),
    newPage() {
      compactPage(doc);
      doc.addPage();
      pages += 1;
      canvas.y = box.top;
    },
    ensureSpace(height) {
      if (canvas.y + height <= box.bottom) return false;
      canvas.newPage();
      return true;
    },
  };
  return canvas;
}
