import { describe, expect, it } from "vitest";
import { layoutText } from "./layout-text.ts";
import type { FontKey, LaidLine, TextMeasurer } from "./pdf-types.ts";
import { pickFonts } from "./pick-fonts.ts";
import { sanitizeText } from "./sanitize-text.ts";

const SCRIPTS: Record<FontKey, RegExp> = {
  latin: /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Common}\p{Script=Inherited}]/u,
  arabic: /[\p{Script=Arabic}\x20-\x7e]/u,
  hebrew: /[\p{Script=Hebrew}\x20-\x7e]/u,
  cjk: /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\x20-\x7e\uff0c]/u,
};
// One unit of width per code point; each font "has" its scripts and printable ASCII (Latin has more).
const measurer: TextMeasurer = {
  hasGlyph: (font, codePoint) => SCRIPTS[font].test(String.fromCodePoint(codePoint)),
  width: (_font, text) => Array.from(text).length,
};
const reverse = (text: string) => Array.from(text).reverse().join("");
/** What a reader sees, left to right: fontkit reverses the runs shaped whole (RTL scripts). */
const visual = (line: LaidLine | undefined) =>
  (line?.runs ?? []).map((r) => (r.shapeWhole ? reverse(r.text) : r.text)).join("");
const fontsOf = (text: string) => pickFonts(text, (font, codePoint) => measurer.hasGlyph(font, codePoint));

describe("sanitizeText", () => {
  it("removes every bidi control so a hostile name cannot reorder what is drawn around it", () => {
    const hostile = "evil\u202Eexe.txt\u202C \u2066\u2067\u2068x\u2069 \u200E\u200F\u061C\u202A\u202B\u202Dok";
    expect(sanitizeText(hostile)).toBe("evilexe.txt x ok");
  });

  it("keeps line feeds as the only break and turns other controls and tabs into spaces", () => {
    expect(sanitizeText("a\r\nb\rc\u2028d\te\u0000f\u0085g")).toBe("a\nb\nc\nd e f\ng");
  });
});

describe("pickFonts", () => {
  it("picks per character the first font with the glyph: latin, arabic, hebrew, cjk", () => {
    const text = "Σύστημα Система نظام מערכת 风险";
    const fonts = fontsOf(text);
    const at = (s: string) => fonts[text.indexOf(s)];
    expect([at("Σ"), at("С"), at("ن"), at("מ"), at("风")]).toEqual(["latin", "latin", "arabic", "hebrew", "cjk"]);
  });

  it("lets neutral characters take the font of the run they sit in", () => {
    const text = "نظام (تجربة) 风险，评估";
    const fonts = fontsOf(text);
    expect(fonts[text.indexOf(" ")]).toBe("arabic");
    expect(fonts[text.indexOf("(")]).toBe("arabic");
    expect(fonts[text.indexOf("，")]).toBe("cjk");
  });

  it("gives both halves of a surrogate pair the same font", () => {
    const fonts = fontsOf("a𠀋b");
    expect(fonts).toHaveLength(4);
    expect(fonts[1]).toBe(fonts[2]);
  });
});

describe("layoutText", () => {
  it("keeps plain text as one Latin run and breaks at spaces in logical order", () => {
    const lines = layoutText("the quick brown fox", 10, measurer);
    expect(lines.map(visual)).toEqual(["the quick", "brown fox"]);
    expect(lines[0]?.runs).toEqual([
      { font: "latin", text: "the quick", x: 0, width: 9, shapeWhole: false, actual: null },
    ]);
  });

  it("orders an LTR line with an Arabic run visually, the Arabic run handed over logically", () => {
    const [line, ...rest] = layoutText("System نظام التقييم ok", 100, measurer);
    expect(rest).toEqual([]);
    expect(line?.runs.map((r) => r.font)).toEqual(["latin", "arabic", "latin"]);
    const arabic = line?.runs[1];
    // fontkit reverses Arabic itself: the run is given in logical order and shaped whole.
    expect(arabic).toMatchObject({ text: "نظام التقييم", shapeWhole: true, x: 7 });
    // ActualText in visual order: poppler reverses it back into the logical string.
    expect(arabic?.actual).toBe(reverse("نظام التقييم"));
    expect(visual(line)).toBe(`System ${reverse("نظام التقييم")} ok`);
    expect(line?.width).toBe(22);
  });

  it("puts a number after Arabic text on its left, as the bidi algorithm says", () => {
    const [line] = layoutText("System نظام 12", 100, measurer);
    expect(visual(line)).toBe(`System 12 ${reverse("نظام")}`);
  });

  it("mirrors brackets inside right-to-left runs", () => {
    const [line] = layoutText("نظام (تجربة)", 100, measurer);
    expect(line?.runs).toHaveLength(1);
    expect(line?.runs[0]?.text).toBe("نظام )تجربة(");
    expect(visual(line)).toBe("(ةبرجت) ماظن");
    // extraction keeps the original brackets
    expect(line?.runs[0]?.actual).toBe(reverse("نظام (تجربة)"));
  });

  it("reverses Hebrew words as a whole run, not word by word", () => {
    const [line] = layoutText("מערכת בדיקה", 100, measurer);
    expect(line?.runs).toEqual([
      { font: "hebrew", text: "מערכת בדיקה", x: 0, width: 11, shapeWhole: true, actual: "הקידב תכרעמ" },
    ]);
  });

  it("drops bidi controls: a hostile override cannot flip the id next to it", () => {
    const [line] = layoutText("evil \u202Eeu-ai-act:art-26-6\u202C name", 100, measurer);
    expect(visual(line)).toBe("evil eu-ai-act:art-26-6 name");
  });

  it("breaks CJK text between characters and keeps scripts in their fonts", () => {
    const lines = layoutText("风险评估系统 AI", 5, measurer);
    expect(lines.map(visual)).toEqual(["风险评估系", "统 AI"]);
    expect(lines[1]?.runs.map((r) => r.font)).toEqual(["cjk", "latin"]);
  });

  it("cuts a word wider than the box by characters, and keeps one that fits whole", () => {
    const hash = "ab".repeat(32);
    expect(layoutText(hash, 64, measurer).map(visual)).toEqual([hash]);
    expect(layoutText(`x ${hash}`, 64, measurer).map(visual)).toEqual(["x", hash]);
    expect(layoutText(hash, 30, measurer).map(visual)).toEqual([hash.slice(0, 30), hash.slice(30, 60), hash.slice(60)]);
  });

  it("keeps line feeds and empty paragraphs", () => {
    expect(layoutText("a\n\nb", 10, measurer).map(visual)).toEqual(["a", "", "b"]);
    expect(layoutText("", 10, measurer)).toEqual([{ runs: [], width: 0 }]);
  });
});
