/** The bundled font families, in fallback order: the first one with a glyph for a character draws it. */
export const FONT_KEYS = ["latin", "arabic", "hebrew", "cjk"] as const;
export type FontKey = (typeof FONT_KEYS)[number];

export interface ReportFonts {
  /** Path of the Latin regular font: the document's default font, drawn by its path (pdfkit caches it by path). */
  defaultPath: string;
  /** The font files' bytes, to register with pdfkit as `<font>-regular|bold`. */
  files: Record<FontKey, { regular: Buffer; bold: Buffer }>;
  /** Whether the (regular) font has a glyph for the code point; cached. */
  hasGlyph(font: FontKey, codePoint: number): boolean;
}

/** What the pure text layout needs to know about fonts, for one size and weight. */
export interface TextMeasurer {
  hasGlyph(font: FontKey, codePoint: number): boolean;
  /** Advance width of `text` in `font`; `shapeWhole`: shaped as one run (how RTL runs are drawn). */
  width(font: FontKey, text: string, shapeWhole: boolean): number;
}

/** One run of a laid-out line, in visual order, ready for `doc.text(text, x + lineX, y)`. */
export interface LaidRun {
  font: FontKey;
  /** The characters to hand to pdfkit (fontkit reverses RTL script runs itself). */
  text: string;
  /** Offset from the line's left edge. */
  x: number;
  width: number;
  /** Shape as one run (pdfkit `features: []`): pdfkit otherwise shapes word by word, which breaks RTL runs. */
  shapeWhole: boolean;
  /** ActualText for text extraction (RTL runs), null when the glyphs speak for themselves. */
  actual: string | null;
}

export interface LaidLine {
  runs: LaidRun[];
  width: number;
}

export interface TextStyle {
  size: number;
  bold?: boolean;
  color?: string;
}

/** Page geometry of the report (points). */
export interface PageBox {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** A drawing surface over one pdfkit document: text through the bidi/font layout, and the page cursor. */
export interface ReportCanvas {
  doc: PDFKit.PDFDocument;
  box: PageBox;
  /** The cursor: where the next block starts on the current page. */
  y: number;
  /** Zero-based index of the current page. */
  pageIndex(): number;
  lineHeight(size: number): number;
  layout(text: string, style: TextStyle, width: number): LaidLine[];
  /** Draws laid-out lines with their top at `y`; returns the height used. */
  drawLines(
    lines: LaidLine[],
    x: number,
    y: number,
    style: TextStyle,
    width: number,
    align?: "left" | "right" | "center",
  ): number;
  /** Lays out and draws `text` in a box of `width`; returns the height used. */
  text(
    text: string,
    x: number,
    y: number,
    style: TextStyle,
    width: number,
    align?: "left" | "right" | "center",
  ): number;
  /** Starts a new page and puts the cursor at the top. */
  newPage(): void;
  /** Starts a new page when `height` does not fit below the cursor; true when it did. */
  ensureSpace(height: number): boolean;
}

export interface TableColumn {
  header: string;
  width: number;
  align?: "left" | "right" | "center";
}

export interface TableCell {
  text: string;
  color?: string;
  bold?: boolean;
}

export interface TableRow {
  cells: (string | TableCell)[];
  /** Lines under the row's cells, spanning from column `detailFrom` to the right edge. */
  detail?: string[];
}

export interface TableSpec {
  columns: TableColumn[];
  rows: Iterable<TableRow>;
  /** Body font size; detail lines use `detailSize`. */
  size: number;
  detailSize?: number;
  detailFrom?: number;
  /** Caption above the repeated header on the pages the table continues on ("… (continued)"). */
  continued?: string;
  /** Sentence shown instead of the table when it has no rows. */
  empty: string;
  /** Note that ends a row too tall for a page (its text is cut there). */
  truncated: string;
  /** Called after every row (progress); awaited every 200 rows so long tables yield to the event loop. */
  onRow?: () => void;
}

/** An entry of the table of contents, outline and named destinations; `pageIndex` is set when drawn. */
export interface ContentsEntry {
  title: string;
  level: 1 | 2 | 3;
  dest: string;
  pageIndex: number | null;
}

/** What the renderer is told besides the report data: ids and hashes printed on every page and the cover. */
export interface ReportMeta {
  reportId: string;
  /** SHA-256 (hex) of the report data (report-data.json of the audit pack). */
  dataSha256: string;
  signer: { subject: string; fingerprint: string };
}

/** The table of contents laid out before the sections are drawn, so its pages can be reserved. */
export interface ContentsPlan {
  pages: { entry: ContentsEntry; lines: LaidLine[]; y: number; indent: number; size: number; bold: boolean }[][];
}
