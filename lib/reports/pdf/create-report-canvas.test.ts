import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import PDFDocument from "pdfkit";
import { afterAll, describe, expect, it } from "vitest";
import { createReportCanvas } from "./create-report-canvas.ts";
import { loadReportFonts } from "./load-report-fonts.ts";
import type { ReportCanvas } from "./pdf-types.ts";

const dir = mkdtempSync(join(tmpdir(), "assay-canvas-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Draws on a one-page document and returns what pdftotext extracts (without its direction marks). */
async function extract(name: string, draw: (canvas: ReportCanvas) => void): Promise<string> {
  const fonts = loadReportFonts();
  const doc = new PDFDocument({ size: "A4", margin: 0, pdfVersion: "1.7", font: fonts.defaultPath });
  for (const key of ["arabic", "hebrew", "cjk"] as const) doc.registerFont(`${key}-regular`, fonts.files[key].regular);
  for (const key of ["latin", "arabic", "hebrew", "cjk"] as const)
    doc.registerFont(`${key}-bold`, fonts.files[key].bold);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  doc.on("data", (c: Buffer) => chunks.push(c));
  draw(createReportCanvas(doc, fonts, { width: 595, height: 842, left: 40, right: 555, top: 40, bottom: 800 }));
  doc.end();
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, await done);
  return execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }).replace(/[\u202a-\u202c]/g, "");
}

describe("text extraction of what the canvas draws (poppler's pdftotext)", () => {
  it("gets Arabic and Hebrew back in logical order: ActualText is given in visual order", async () => {
    const out = await extract("rtl", (canvas) => {
      canvas.text("نظام التقييم", 40, 40, { size: 12 }, 500);
      canvas.text("מערכת בדיקה", 40, 80, { size: 12 }, 500);
    });
    expect(out).toContain("نظام التقييم");
    expect(out).toContain("מערכת בדיקה");
  });

  it("(why) poppler reverses an RTL ActualText: given in logical order it comes out backwards", async () => {
    const arabic = "نظام التقييم";
    const out = await extract("logical-actual", (canvas) => {
      canvas.doc.font("arabic-regular").fontSize(12);
      canvas.doc.markContent("Span", { actual: arabic });
      canvas.doc.text(arabic, 40, 60, { lineBreak: false, baseline: "alphabetic", features: [] });
      canvas.doc.endMarkedContent();
    });
    expect(out).toContain(Array.from(arabic).reverse().join(""));
  });

  it("(why) without ActualText poppler garbles Arabic: shaped glyphs map back to the wrong letters", async () => {
    const arabic = "نظام التقييم";
    const out = await extract("no-actual", (canvas) => {
      canvas.doc.font("arabic-regular").fontSize(12);
      canvas.doc.text(arabic, 40, 60, { lineBreak: false, baseline: "alphabetic", features: [] });
    });
    expect(out).not.toContain(arabic);
  });

  it("needs no ActualText for CJK, and keeps an RTL run on the line of its LTR neighbours", async () => {
    const out = await extract("mixed", (canvas) => {
      canvas.text("风险评估系统 and リスク", 40, 40, { size: 12 }, 500);
      canvas.text("System نظام التقييم is eu-ai-act:art-26-6", 40, 80, { size: 12 }, 500);
    });
    expect(out).toContain("风险评估系统 and リスク");
    const layout = execFileSync("pdftotext", ["-layout", join(dir, "mixed.pdf"), "-"], { encoding: "utf8" });
    const line = layout.split("\n").find((l) => l.includes("System")) ?? "";
    expect(line.replace(/[\u202a-\u202c]/g, "")).toMatch(/System\s+نظام التقييم\s+is eu-ai-act:art-26-6/);
  });
});
