/**
 * Bidi controls that would let a hostile name reorder what is drawn around it (LRM, RLM, ALM, the
 * embeddings and overrides U+202A–U+202E, the isolates U+2066–U+2069): removed, not drawn.
 */
const BIDI_CONTROLS = /[\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/g;
/** Line and paragraph separators become line breaks. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const LINE_BREAKS = /\r\n|[\r\u2028\u2029\u0085\u000B\u000C]/g;
/** Other control characters (C0 except the line feed, DEL, C1, tabs included) become a space. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u0009\u000E-\u001F\u007F-\u009F]/g;

/**
 * Makes user-supplied text (system names, titles, reasons, summaries) safe to lay out: no bidi
 * controls, no control characters, `\n` as the only line break. Pure.
 */
export function sanitizeText(text: string): string {
  return text.replace(BIDI_CONTROLS, "").replace(LINE_BREAKS, "\n").replace(CONTROLS, " ");
}
