import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSigningIdentity } from "../create-signing-identity.ts";
import type { ReportData } from "../report-types.ts";
import { signPdf } from "../sign-pdf.ts";
import { buildReportFixture } from "./build-report-fixture.ts";
import { formatScore } from "./format-score.ts";
import { renderReportPdf } from "./render-report-pdf.ts";

const dir = mkdtempSync(join(tmpdir(), "assay-pdf-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const meta = {
  reportId: "rep-2026-10-02-0001",
  dataSha256: "5f0c6c1e8a3b9d2f47e6a1c0b9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0",
  signer: { subject: "CN=Acme Corp (Assay report signing)", fingerprint: "a1b2c3d4".repeat(8) },
};
const run = (command: string, args: string[]) =>
  execFileSync(command, args, { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
/** pdftotext marks the direction of RTL text with U+202A–U+202C; the strings are compared without them. */
const text = (file: string, page?: number) =>
  run("pdftotext", [...(page ? ["-f", String(page), "-l", String(page)] : []), file, "-"]).replace(
    /[\u202a-\u202c]/g,
    "",
  );
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
const pageCount = (file: string) => Number(/Pages:\s+(\d+)/.exec(run("pdfinfo", [file]))?.[1]);

async function renderToFile(data: ReportData, name: string) {
  const progress: [number, number, string][] = [];
  const pdf = await renderReportPdf(data, meta, (done, total, stage) => progress.push([done, total, stage]));
  const file = join(dir, name);
  writeFileSync(file, pdf);
  const pages = pageCount(file);
  return { pdf, file, pages, progress, texts: Array.from({ length: pages }, (_, i) => text(file, i + 1)) };
}

describe("renderReportPdf, judged by poppler and qpdf", () => {
  const data = buildReportFixture({ evidence: 300, manifest: 300, extraRequirements: 30 });
  let out: Awaited<ReturnType<typeof renderToFile>>;
  beforeAll(async () => {
    out = await renderToFile(data, "report.pdf");
  });

  it("embeds every font it uses (Noto Sans, Arabic, Hebrew, SC), never Helvetica", () => {
    const lines = run("pdffonts", [out.file]).trim().split("\n").slice(2);
    expect(lines.length).toBeGreaterThanOrEqual(5);
    for (const line of lines) {
      // name, type (one or two words), encoding, emb, sub, uni, object number, generation: emb is fifth from the end
      const columns = line.trim().split(/\s+/);
      expect(columns.at(-5), line).toBe("yes");
    }
    const names = lines.join("\n");
    expect(names).not.toMatch(/Helvetica|Times|Courier/);
    for (const font of ["NotoSans-Regular", "NotoSans-Bold", "NotoSansArabic", "NotoSansHebrew", "NotoSansSC"]) {
      expect(names).toContain(font);
    }
  });

  it("passes qpdf --check", () => {
    expect(run("qpdf", ["--check", out.file])).toContain("No syntax or stream encoding errors found");
  });

  it("prints every requirement id, every score with one decimal and every manifest sha256 whole", () => {
    const all = out.texts.join("\n");
    for (const result of data.results) {
      for (const system of result.systems) {
        for (const row of system.rows) expect(all).toContain(row.requirementId);
      }
    }
    expect(all).toContain("eu-ai-act:art-26-6");
    const scores = [
      data.summary.tally.score,
      ...Object.values(data.summary.frameworks).map((t) => t.score),
      ...data.summary.systems.map((s) => s.tally.score),
    ];
    for (const score of scores) {
      expect(formatScore(score)).toMatch(/^\d+\.\d%$/);
      expect(all).toContain(formatScore(score));
    }
    expect(data.manifest).toHaveLength(300);
    for (const entry of data.manifest) expect(all).toContain(entry.sha256);
  });

  it("puts the report id, the page number and the whole report data sha256 on every page", () => {
    expect(out.pages).toBeGreaterThan(20);
    out.texts.forEach((page, i) => {
      expect(page).toContain(`Report ${meta.reportId}`);
      expect(page).toContain(`Page ${i + 1} of ${out.pages}`);
      expect(page).toContain(`Report data sha256 ${meta.dataSha256}`);
    });
  });

  it("extracts Arabic, Hebrew, CJK, Greek and Cyrillic names in logical order", () => {
    const all = out.texts.join("\n");
    for (const name of ["نظام التقييم", "מערכת בדיקה", "风险评估系统", "Σύστημα Κίνδυνος / Система"]) {
      expect(all).toContain(name);
    }
    // Reversed (visual order) would mean the ActualText direction is wrong.
    expect(all).not.toContain("مييقتلا ماظن");
  });

  it("drops the hostile name's bidi controls: the id inside it stays intact and in order", () => {
    const all = out.texts.join("\n");
    expect(all).toContain("Evil eu-ai-act:art-26-6 tail");
    expect(all).not.toContain("6-62-tra:tca-ia-ue");
    expect(run("pdftotext", [out.file, "-"])).not.toMatch(/[\u202d\u202e\u2066-\u2069]/);
  });

  it("has a table of contents whose page numbers are where the sections start, and matching bookmarks", () => {
    const contents = run("pdftotext", ["-layout", "-f", "2", "-l", "2", out.file, "-"]).replace(/[\u202a-\u202c]/g, "");
    const numbered = [...contents.matchAll(/^\s*(\d(?:\.\d+)*) (.*?)\s+(\d+)\s*$/gm)].map((m) => ({
      prefix: m[1] ?? "",
      title: (m[2] ?? "").trim(),
      page: Number(m[3]),
    }));
    const systems = data.results.reduce((n, r) => n + r.systems.length, 0);
    expect(numbered).toHaveLength(5 + data.results.length + systems);
    for (const entry of numbered) {
      // pdftotext may put an RTL title on a line of its own after its number.
      const heading = new RegExp(`^${escape(entry.prefix)}\\s+${escape(entry.title)}$`, "m");
      expect(out.texts[entry.page - 1], `${entry.prefix} on page ${entry.page}`).toMatch(heading);
      const before = out.texts.slice(2, entry.page - 1).join("\n");
      expect(before, `${entry.prefix} starts on ${entry.page}`).not.toMatch(heading);
    }
    const outlines = JSON.parse(run("qpdf", ["--json", "--json-key=outlines", out.file])) as {
      outlines: { title: string; destpageposfrom1: number; kids: unknown[] }[];
    };
    const flat = (items: typeof outlines.outlines): typeof outlines.outlines =>
      items.flatMap((o) => [o, ...flat(o.kids as typeof outlines.outlines)]);
    const bookmarks = flat(outlines.outlines);
    for (const entry of numbered) {
      const bookmark = bookmarks.find((b) => b.title.startsWith(`${entry.prefix} `));
      expect(bookmark?.destpageposfrom1, entry.prefix).toBe(entry.page);
    }
  });

  it("breaks long tables across pages with the header repeated and no row cut in half", () => {
    const start = out.texts.findIndex((t, i) => i > 1 && t.includes("5 Evidence manifest"));
    const manifestPages = out.texts.slice(start);
    expect(manifestPages.length).toBeGreaterThan(3);
    for (const page of manifestPages) expect(page).toContain("Evidence id and sha256");
    for (const page of manifestPages.slice(1)) expect(page).toContain("Evidence manifest (continued)");
    for (const entry of data.manifest) {
      const page = manifestPages.find((t) => t.includes(entry.evidenceId));
      expect(page, entry.evidenceId).toContain(entry.sha256);
    }
    // Results tables span pages too: the header comes back with the table's name.
    const continued = out.texts.filter((t) => t.includes("(continued)") && t.includes("Explanation (requirement id"));
    expect(continued.length).toBeGreaterThan(3);
  });

  it("caps evidence references at five per row and points at the manifest for the rest", () => {
    const all = out.texts.join("\n");
    expect(all).toMatch(/\+\d+ more, see the evidence manifest/);
    const row = data.results[0]?.systems[1]?.rows.find((r) => r.evidence.length > 5);
    if (!row) throw new Error("fixture without a row citing more than five pieces");
    expect(all).toContain(`+${row.evidence.length - 5} more, see the evidence manifest`);
  });

  it("records the document information and is deterministic", async () => {
    const info = run("pdfinfo", ["-isodates", out.file]);
    expect(info).toContain("Title:           AI readiness report: Acme Corp");
    expect(info).toContain("Author:          Acme Corp");
    expect(info).toMatch(/Subject:.*rep-2026-10-02-0001/);
    expect(info).toMatch(/Keywords:.*5f0c6c1e8a3b9d2f/);
    expect(info).toContain("CreationDate:    2026-10-02T08:30:00Z");
    expect(info).toContain("ModDate:         2026-10-02T08:30:00Z");
    const again = await renderReportPdf(data, meta);
    expect(again.equals(out.pdf)).toBe(true);
  });

  it("takes the signature the caller adds: pdfsig reports it valid over the whole file", async () => {
    const signingTime = new Date(data.generatedAt);
    const identity = createSigningIdentity("Acme Corp", signingTime);
    const signed = await signPdf(out.pdf, identity, {
      reason: `Assay readiness report ${meta.reportId}`,
      name: identity.subject,
      location: "Acme Corp",
      contactInfo: "acme",
      signingTime,
    });
    const file = join(dir, "signed.pdf");
    writeFileSync(file, signed);
    let report: string;
    try {
      report = run("pdfsig", [file]);
    } catch (error) {
      report = String((error as { stdout?: string }).stdout ?? error);
    }
    expect(report).toContain("Signature is Valid.");
    expect(report).toContain("Total document signed");
  });

  it("reports progress up to done", () => {
    const last = out.progress.at(-1);
    expect(last?.[2]).toBe("done");
    expect(last?.[0]).toBe(last?.[1]);
    const done = out.progress.map((p) => p[0]);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(new Set(out.progress.map((p) => p[2]))).toEqual(
      new Set(["cover", "contents", "summary", "method", "results", "exceptions", "manifest", "pages", "done"]),
    );
  });
});

describe("renderReportPdf edge cases", () => {
  it("shows an empty state wherever a list can be empty", async () => {
    const full = buildReportFixture({ evidence: 0, manifest: 0, extraRequirements: 0 });
    const nothing = { counts: { ...full.summary.tally.counts }, points: 0, maxPoints: 0, score: null };
    for (const key of Object.keys(nothing.counts) as (keyof typeof nothing.counts)[]) nothing.counts[key] = 0;
    const empty: ReportData = {
      ...full,
      scope: { systems: [], frameworks: [] },
      summary: { tally: nothing, frameworks: {}, systems: [] },
      pillars: [],
      results: [],
      exceptions: [],
      deadlines: [],
      manifest: [],
    };
    const out = await renderToFile(empty, "empty.pdf");
    const all = out.texts.join("\n");
    for (const sentence of [
      "No AI systems in scope.",
      "No frameworks in scope.",
      "No Zero Trust pillars in scope",
      "No upcoming deadlines",
      "No frameworks in scope: there are no results to show.",
      "No exceptions: no waiver was in force",
      "No evidence: nothing in this report cites a piece of evidence.",
    ]) {
      expect(all).toContain(sentence);
    }
    expect(all).toMatch(/Organization readiness\s+n\/a/);
    expect(run("qpdf", ["--check", out.file])).toContain("No syntax or stream encoding errors found");
  });

  it("cuts a row taller than a page with a note pointing at report-data.json", async () => {
    const data = buildReportFixture({ evidence: 20, manifest: 0, extraRequirements: 0 });
    const system = data.results[0]?.systems[0];
    const row = system?.rows[0];
    if (!system || !row) throw new Error("fixture without rows");
    system.rows[0] = { ...row, summary: Array.from({ length: 1500 }, (_, i) => `word${i}`).join(" ") };
    const out = await renderToFile(data, "long-row.pdf");
    const all = out.texts.join("\n");
    expect(all).toContain("the full row is in report-data.json of the audit pack");
    expect(all).toContain("word0 word1");
    expect(all).not.toContain("word1499");
    // The row's id survives the cut, on the page of the cut row.
    const cutPage = out.texts.find((t) => t.includes("the full row is in report-data.json"));
    expect(cutPage).toContain(`Requirement ${row.requirementId}`);
  });
});
