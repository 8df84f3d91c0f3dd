import PDFDocument from "pdfkit";
import type { ReportData } from "../report-types.ts";
import { createReportCanvas } from "./create-report-canvas.ts";
import { drawContents } from "./draw-contents.ts";
import { drawCover } from "./draw-cover.ts";
import { drawExceptions } from "./draw-exceptions.ts";
import { drawManifest } from "./draw-manifest.ts";
import { drawMethod } from "./draw-method.ts";
import { drawPageFrames } from "./draw-page-frames.ts";
import { drawResults } from "./draw-results.ts";
import { drawSummary } from "./draw-summary.ts";
import { loadReportFonts } from "./load-report-fonts.ts";
import type { ContentsEntry, FontKey, PageBox, ReportMeta } from "./pdf-types.ts";
import { planContents } from "./plan-contents.ts";
import { sanitizeText } from "./sanitize-text.ts";

/** A4 portrait, in points; the header sits above `top`, the footer below `bottom`. */
const A4 = { width: 595.28, height: 841.89 };
const BOX: PageBox = { ...A4, left: 42, right: A4.width - 42, top: 52, bottom: A4.height - 56 };
const STAGES = ["cover", "contents", "summary", "method", "results", "exceptions", "manifest", "pages"] as const;

const entry = (title: string, level: ContentsEntry["level"], dest: string): ContentsEntry => ({
  title,
  level,
  dest,
  pageIndex: null,
});

/** The table of contents, known before anything is drawn (so its pages can be reserved). */
function contentsOf(data: ReportData) {
  const frameworks = data.results.map((r, f) => {
    const title = data.scope.frameworks.find((x) => x.id === r.frameworkId)?.title ?? r.frameworkId;
    return {
      entry: entry(`3.${f + 1} ${title}`, 2, `results-${f}`),
      systems: r.systems.map((s, i) => entry(`3.${f + 1}.${i + 1} ${s.systemName}`, 3, `results-${f}-${i}`)),
    };
  });
  const sections = {
    summary: entry("1 Executive summary", 1, "summary"),
    method: entry("2 Method", 1, "method"),
    results: entry("3 Control-by-control results", 1, "results"),
    exceptions: entry("4 Exceptions", 1, "exceptions"),
    manifest: entry("5 Evidence manifest", 1, "manifest"),
  };
  const list = [
    sections.summary,
    sections.method,
    sections.results,
    ...frameworks.flatMap((f) => [f.entry, ...f.systems]),
    sections.exceptions,
    sections.manifest,
  ];
  return { sections, frameworks, list };
}

/**
 * Renders a report as an UNSIGNED PDF (A4): cover, table of contents, executive summary with vector
 * charts, method, control-by-control results, exceptions and the evidence manifest, with the report
 * id, page number and report data sha256 in the footer of every page. Fonts are the bundled Noto fonts
 * (Latin, Greek, Cyrillic, Arabic, Hebrew, CJK), all embedded. Deterministic: the same input gives the
 * same bytes (dates come from `data.generatedAt`). The caller signs the result (sign-pdf.ts).
 */
export async function renderReportPdf(
  data: ReportData,
  meta: ReportMeta,
  onProgress?: (done: number, total: number, stage: string) => void,
): Promise<Buffer> {
  const fonts = loadReportFonts();
  const generatedAt = new Date(data.generatedAt);
  const organization = sanitizeText(data.organization.name).replace(/\n/g, " ");
  const doc = new PDFDocument({
    size: [A4.width, A4.height],
    margin: 0,
    bufferPages: true,
    pdfVersion: "1.7",
    lang: "en",
    displayTitle: true,
    font: fonts.defaultPath,
    info: {
      Title: `AI readiness report: ${organization}`,
      Author: organization,
      Subject: `AI readiness of ${organization} at ${data.snapshot.asOf} (report ${meta.reportId})`,
      Keywords: `AI readiness; EU AI Act; Zero Trust for AI; audit report; report ${meta.reportId}; report data sha256 ${meta.dataSha256}`,
      Creator: "Assay",
      Producer: "Assay",
      CreationDate: generatedAt,
      ModDate: generatedAt,
    },
  });
  for (const [font, files] of Object.entries(fonts.files) as [FontKey, { regular: Buffer; bold: Buffer }][]) {
    if (font !== "latin") doc.registerFont(`${font}-regular`, files.regular);
    doc.registerFont(`${font}-bold`, files.bold);
  }
  const chunks: Buffer[] = [];
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const rows = data.results.reduce((n, r) => n + r.systems.reduce((m, s) => m + s.rows.length, 0), 0);
  const total = STAGES.length + rows + data.exceptions.length + data.manifest.length;
  let done = 0;
  const stage = (name: (typeof STAGES)[number]) => {
    onProgress?.(done, total, name);
    done += 1;
  };
  let current: (typeof STAGES)[number] = "results";
  const onRow = () => {
    done += 1;
    if (done % 100 === 0) onProgress?.(done, total, current);
  };

  const canvas = createReportCanvas(doc, fonts, BOX);
  const contents = contentsOf(data);
  stage("cover");
  doc.outline.addItem("Cover");
  drawCover(canvas, data, meta);

  stage("contents");
  const plan = planContents(canvas, contents.list);
  canvas.newPage();
  const contentsPage = canvas.pageIndex();
  doc.outline.addItem("Contents");
  for (let i = 1; i < plan.pages.length; i++) canvas.newPage();

  stage("summary");
  canvas.newPage();
  await drawSummary(canvas, data, contents.sections.summary, doc.outline);
  stage("method");
  canvas.newPage();
  drawMethod(canvas, data.method, contents.sections.method, doc.outline);
  stage("results");
  canvas.newPage();
  await drawResults(
    canvas,
    data,
    { section: contents.sections.results, frameworks: contents.frameworks },
    doc.outline,
    onRow,
  );
  stage("exceptions");
  current = "exceptions";
  canvas.newPage();
  await drawExceptions(canvas, data.exceptions, contents.sections.exceptions, doc.outline, onRow);
  stage("manifest");
  current = "manifest";
  canvas.newPage();
  await drawManifest(canvas, data.manifest, contents.sections.manifest, doc.outline, onRow);

  stage("pages");
  drawContents(canvas, plan, contentsPage);
  drawPageFrames(canvas, {
    reportId: meta.reportId,
    dataSha256: meta.dataSha256,
    header: `AI readiness report · ${organization} · point in time ${data.snapshot.asOf}`,
  });
  doc.end();
  const pdf = await finished;
  onProgress?.(total, total, "done");
  return pdf;
}
