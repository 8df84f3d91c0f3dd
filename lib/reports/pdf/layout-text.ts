import bidiFactory, { type EmbeddingLevels } from "bidi-js";
import type { FontKey, LaidLine, LaidRun, TextMeasurer } from "./pdf-types.ts";
import { pickFonts } from "./pick-fonts.ts";
import { sanitizeText } from "./sanitize-text.ts";

const bidi = bidiFactory();

/** Printable ASCII only: one Latin run, left to right, no bidi work needed. */
const ASCII = /^[\x20-\x7e]*$/;
const SPACE = /\s/;
/** Ideographs, kana and Hangul: a line may break before and after each of them. */
const CJK =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}\u3000-\u303f\uff00-\uffef]/u;
/** A code unit a line must not be cut before: a combining mark or the low half of a surrogate pair. */
const NO_CUT_BEFORE = /[\p{M}\udc00-\udfff]/u;
/** The first character of a run that has a script: fontkit picks the run's direction from it. */
const SCRIPTED = /[^\p{Script=Common}\p{Script=Inherited}\p{Script=Unknown}]/u;
/** The scripts fontkit 2 lays out right to left (it reverses their glyphs itself). */
const RTL_SCRIPT =
  /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Cypriot}\p{Script=Kharoshthi}\p{Script=Phoenician}\p{Script=Nko}\p{Script=Lydian}\p{Script=Avestan}\p{Script=Imperial_Aramaic}\p{Script=Inscriptional_Pahlavi}\p{Script=Inscriptional_Parthian}\p{Script=Old_South_Arabian}\p{Script=Old_Turkic}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Meroitic_Cursive}\p{Script=Meroitic_Hieroglyphs}\p{Script=Manichaean}\p{Script=Mende_Kikakui}\p{Script=Nabataean}\p{Script=Old_North_Arabian}\p{Script=Palmyrene}\p{Script=Psalter_Pahlavi}]/u;
const EPSILON = 0.01;

const reverse = (text: string) => Array.from(text).reverse().join("");
const fontkitReverses = (text: string) => RTL_SCRIPT.test(SCRIPTED.exec(text)?.[0] ?? "");
const hasStrongRtl = (text: string) =>
  Array.from(text).some((c) => {
    const type = bidi.getBidiCharTypeName(c);
    return type === "R" || type === "AL";
  });

interface Paragraph {
  text: string;
  fonts: FontKey[] | null;
  embedding: EmbeddingLevels | null;
  measurer: TextMeasurer;
}

/** Width of the logical range [start, end), font run by font run. */
function measureRange(p: Paragraph, start: number, end: number): number {
  if (end <= start) return 0;
  if (!p.fonts) return p.measurer.width("latin", p.text.slice(start, end), false);
  let width = 0;
  let runStart = start;
  for (let i = start + 1; i <= end; i++) {
    if (i === end || p.fonts[i] !== p.fonts[runStart]) {
      width += p.measurer.width(p.fonts[runStart] ?? "latin", p.text.slice(runStart, i), false);
      runStart = i;
    }
  }
  return width;
}

/** Break opportunities: pieces of non-space content, each with the spaces that follow it. */
function splitPieces(text: string): { start: number; contentEnd: number; end: number }[] {
  const pieces: { start: number; contentEnd: number; end: number }[] = [];
  let i = 0;
  while (i < text.length) {
    const start = i;
    if (CJK.test(text.charAt(i))) {
      i += 1;
      while (i < text.length && NO_CUT_BEFORE.test(text.charAt(i))) i++;
    } else {
      while (i < text.length && !SPACE.test(text.charAt(i)) && !CJK.test(text.charAt(i))) i++;
    }
    const contentEnd = i;
    while (i < text.length && SPACE.test(text.charAt(i))) i++;
    pieces.push({ start, contentEnd, end: i });
  }
  return pieces;
}

/** The longest prefix of [start, end) that fits `width` (at least one character). */
function fittingCut(p: Paragraph, start: number, end: number, width: number): number {
  const cuts: number[] = [];
  for (let i = start + 1; i <= end; i++) if (i === end || !NO_CUT_BEFORE.test(p.text.charAt(i))) cuts.push(i);
  let lo = 0;
  let hi = cuts.length - 1;
  let best = cuts[0] ?? end;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const cut = cuts[mid] ?? end;
    if (measureRange(p, start, cut) <= width + EPSILON) {
      best = cut;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}

/** Greedy line breaking in logical order; returns [start, end) ranges without trailing spaces. */
function breakLines(p: Paragraph, width: number): [number, number][] {
  const lines: [number, number][] = [];
  let lineStart = -1;
  let lineEnd = 0;
  let lineWidth = 0;
  let spaceWidth = 0;
  for (const piece of splitPieces(p.text)) {
    const contentWidth = measureRange(p, piece.start, piece.contentEnd);
    if (lineStart >= 0 && lineWidth + spaceWidth + contentWidth <= width + EPSILON) {
      lineEnd = piece.contentEnd;
      lineWidth += spaceWidth + contentWidth;
    } else {
      if (lineStart >= 0) lines.push([lineStart, lineEnd]);
      let start = piece.start;
      let rest = contentWidth;
      while (rest > width + EPSILON && start < piece.contentEnd) {
        const cut = fittingCut(p, start, piece.contentEnd, width);
        if (cut >= piece.contentEnd) break;
        lines.push([start, cut]);
        start = cut;
        rest = measureRange(p, start, piece.contentEnd);
      }
      lineStart = start;
      lineEnd = piece.contentEnd;
      lineWidth = rest;
    }
    spaceWidth = measureRange(p, piece.contentEnd, piece.end);
  }
  if (lineStart >= 0) lines.push([lineStart, lineEnd]);
  return lines;
}

/** Visual order of the logical range [start, end] (inclusive), from bidi-js's reorder segments. */
function visualOrder(p: Paragraph, embedding: EmbeddingLevels, start: number, end: number): number[] {
  const order = Array.from({ length: end - start + 1 }, (_, k) => start + k);
  for (const [from, to] of bidi.getReorderSegments(p.text, embedding, start, end)) {
    if (from === undefined || to === undefined) continue;
    const flipped = order.slice(from - start, to - start + 1).reverse();
    order.splice(from - start, flipped.length, ...flipped);
  }
  return order;
}

function toRun(
  p: Paragraph,
  font: FontKey,
  level: number,
  lo: number,
  hi: number,
  mirrors: Map<number, string>,
): LaidRun {
  const logical = p.text.slice(lo, hi + 1);
  const odd = (level & 1) === 1;
  let shown = logical;
  if (odd && mirrors.size > 0) {
    shown = "";
    for (let i = lo; i <= hi; i++) shown += mirrors.get(i) ?? p.text.charAt(i);
  }
  // fontkit reverses a run whose script is RTL; we want RTL levels reversed. Hand it the characters
  // so that its reversal (or none) ends in visual order.
  const reverses = fontkitReverses(logical);
  const text = odd !== reverses ? reverse(shown) : shown;
  // ActualText of an RTL run: its characters reversed (visual order). poppler (pdftotext) reverses the
  // ActualText of RTL text once more when it extracts a line, so it prints the logical string; given the
  // logical order it prints it backwards (checked in render-report-pdf.test.ts). Without ActualText it
  // garbles Arabic: the shaped glyphs map back to the wrong letters.
  const actual = hasStrongRtl(logical) ? reverse(logical) : null;
  return { font, text, x: 0, width: p.measurer.width(font, text, reverses), shapeWhole: reverses, actual };
}

function buildLine(p: Paragraph, start: number, end: number): LaidLine {
  if (end <= start) return { runs: [], width: 0 };
  if (!p.fonts || !p.embedding) {
    const text = p.text.slice(start, end);
    const width = p.measurer.width("latin", text, false);
    return { runs: [{ font: "latin", text, x: 0, width, shapeWhole: false, actual: null }], width };
  }
  const { fonts, embedding } = p;
  const mirrors = bidi.getMirroredCharactersMap(p.text, embedding.levels, start, end - 1);
  const groups: { font: FontKey; level: number; first: number; last: number }[] = [];
  for (const i of visualOrder(p, embedding, start, end - 1)) {
    const font = fonts[i] ?? "latin";
    const level = embedding.levels[i] ?? 0;
    const current = groups.at(-1);
    const step = (level & 1) === 1 ? -1 : 1;
    if (current && current.font === font && current.level === level && i === current.last + step) current.last = i;
    else groups.push({ font, level, first: i, last: i });
  }
  const runs: LaidRun[] = [];
  let x = 0;
  for (const g of groups) {
    const run = toRun(p, g.font, g.level, Math.min(g.first, g.last), Math.max(g.first, g.last), mirrors);
    run.x = x;
    x += run.width;
    runs.push(run);
  }
  return { runs, width: x };
}

/**
 * Lays out user-supplied text for pdfkit, which has neither font fallback nor bidi: sanitizes it (bidi
 * controls removed), picks a font per character, resolves bidi embedding levels (base direction LTR),
 * breaks lines in logical order by measured widths (at spaces and around CJK characters; a word wider
 * than the box is cut by characters), then reorders each line visually into runs of one font and one
 * level, drawn left to right. RTL runs get mirrored brackets and ActualText. Pure given `measurer`.
 */
export function layoutText(text: string, width: number, measurer: TextMeasurer): LaidLine[] {
  const lines: LaidLine[] = [];
  for (const paragraph of sanitizeText(text).split("\n")) {
    const ascii = ASCII.test(paragraph);
    const embedding = ascii ? null : bidi.getEmbeddingLevels(paragraph, "ltr");
    const hasGlyph = (font: FontKey, codePoint: number) => measurer.hasGlyph(font, codePoint);
    const fonts = embedding ? pickFonts(paragraph, hasGlyph, embedding.levels) : null;
    const p: Paragraph = { text: paragraph, fonts, embedding, measurer };
    const ranges = breakLines(p, width);
    if (ranges.length === 0) lines.push({ runs: [], width: 0 });
    for (const [start, end] of ranges) lines.push(buildLine(p, start, end));
  }
  return lines;
}
