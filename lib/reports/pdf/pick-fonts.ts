import { FONT_KEYS, type FontKey } from "./pdf-types.ts";

/** Characters that take the font of the run they sit in: spaces, punctuation, symbols, digits, format. */
const NEUTRAL = /^[\p{White_Space}\p{P}\p{S}\p{N}\p{Cf}\p{Cc}]$/u;
/** Combining marks stay with the character they combine with. */
const MARK = /^\p{M}$/u;

const firstWithGlyph = (codePoint: number, hasGlyph: (font: FontKey, codePoint: number) => boolean): FontKey =>
  FONT_KEYS.find((font) => hasGlyph(font, codePoint)) ?? "latin";

/**
 * Picks a font per UTF-16 code unit of `text` (both halves of a surrogate pair get the same one). A
 * letter takes the first font of [latin, arabic, hebrew, cjk] that has its glyph; a neutral character
 * (space, punctuation, symbol, digit) takes the font of the run it sits in: of the neighbouring letters
 * (preceding first, then following), one on the same bidi embedding level when `levels` are given, that
 * has the glyph; else the first font with a glyph. A combining mark follows its base. Nothing has a
 * glyph: latin (drawn as .notdef). Pure.
 */
export function pickFonts(
  text: string,
  hasGlyph: (font: FontKey, codePoint: number) => boolean,
  levels?: Uint8Array,
): FontKey[] {
  const fonts = new Array<FontKey>(text.length).fill("latin");
  const points: { index: number; codePoint: number; kind: "strong" | "neutral" | "mark" }[] = [];
  for (let index = 0; index < text.length;) {
    const codePoint = text.codePointAt(index) ?? 0;
    const char = String.fromCodePoint(codePoint);
    points.push({ index, codePoint, kind: MARK.test(char) ? "mark" : NEUTRAL.test(char) ? "neutral" : "strong" });
    index += char.length;
  }
  // The strong characters' fonts, and for every position the next strong character's font.
  const strong = points.map((p) => (p.kind === "strong" ? firstWithGlyph(p.codePoint, hasGlyph) : null));
  const levelOf = (i: number) => levels?.[points[i]?.index ?? 0] ?? 0;
  const next = new Array<{ font: FontKey; level: number } | null>(points.length).fill(null);
  for (let i = points.length - 2; i >= 0; i--) {
    const font = strong[i + 1];
    next[i] = font ? { font, level: levelOf(i + 1) } : (next[i + 1] ?? null);
  }
  let previous: { font: FontKey; level: number } | null = null;
  let last: FontKey | null = null;
  points.forEach((p, i) => {
    let font: FontKey;
    const own = strong[i];
    if (own) {
      font = own;
      previous = { font: own, level: levelOf(i) };
    } else if (p.kind === "mark" && last) {
      font = last;
    } else {
      const around = [previous, next[i] ?? null].filter((n) => n !== null);
      const level = levelOf(i);
      const candidates = [...around.filter((n) => n.level === level), ...around].map((n) => n.font);
      font = candidates.find((f) => hasGlyph(f, p.codePoint)) ?? firstWithGlyph(p.codePoint, hasGlyph);
    }
    last = font;
    fonts[p.index] = font;
    if (p.codePoint > 0xffff) fonts[p.index + 1] = font;
  });
  return fonts;
}
