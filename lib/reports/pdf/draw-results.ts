import type { ReportData, ReportRow } from "../report-types.ts";
import type { ReadinessStatus } from "../../scoring/scoring-types.ts";
import { drawHeading } from "./draw-heading.ts";
import { drawTable } from "./draw-table.ts";
import { formatScore } from "./format-score.ts";
import { formatUtc } from "./format-utc.ts";
import type { ContentsEntry, ReportCanvas, TableRow } from "./pdf-types.ts";

const MAX_EVIDENCE = 5;
const MUTED = "#6b7280";
const STATUS_COLORS: Record<ReadinessStatus, string> = {
  met: "#15803d",
  partial: "#b45309",
  failing: "#b91c1c",
  missing: "#4b5563",
  stale: "#7c3aed",
  waived: "#0369a1",
  "not-applicable": "#6b7280",
};

function toTableRow(row: ReportRow): TableRow {
  const shown = row.evidence.slice(0, MAX_EVIDENCE);
  // The id on a line of its own, across the table: catalog ids run up to ~90 characters and must not break.
  const detail = [
    `Requirement ${row.requirementId}`,
    ...shown.map((e) => `Evidence: ${e.source} · observed ${formatUtc(e.observedAt)} · sha256 ${e.sha256}`),
  ];
  if (row.evidence.length > MAX_EVIDENCE) {
    detail.push(`+${row.evidence.length - MAX_EVIDENCE} more, see the evidence manifest`);
  }
  const status = row.status === "waived" ? `waived\n(evidence: ${row.evidenceStatus})` : row.status;
  const rules = row.expectations.length > 0 ? `\nRules: ${row.expectations.join("; ")}` : "";
  return {
    cells: [
      row.ref,
      row.title,
      { text: status, bold: true, color: STATUS_COLORS[row.status] },
      `${row.summary}${rules}`,
    ],
    detail,
  };
}

/**
 * Control-by-control results, per framework then per system: one table per system with the
 * requirement's ref, title, status (with the evidence status when waived) and explanation, and under
 * them, across the table, its id and up to five evidence references (source, time, sha256).
 */
export async function drawResults(
  canvas: ReportCanvas,
  data: ReportData,
  entries: { section: ContentsEntry; frameworks: { entry: ContentsEntry; systems: ContentsEntry[] }[] },
  outline: PDFKit.PDFOutline,
  onRow: () => void,
): Promise<void> {
  const { box } = canvas;
  const width = box.right - box.left;
  const sectionItem = drawHeading(canvas, entries.section, outline);
  canvas.y += canvas.text(
    "Every applicable requirement of every system in scope, with the status the snapshot recorded and why. " +
      "Evidence lines give the source, when it was observed and the sha256 of the evidence as received; the " +
      "evidence manifest lists every piece with its id.",
    box.left,
    canvas.y,
    { size: 8.5, color: MUTED },
    width,
  );
  canvas.y += 6;
  if (data.results.length === 0) {
    canvas.y += canvas.text(
      "No frameworks in scope: there are no results to show.",
      box.left,
      canvas.y,
      { size: 9 },
      width,
    );
    return;
  }
  for (const [f, result] of data.results.entries()) {
    const frameworkEntries = entries.frameworks[f];
    if (!frameworkEntries) continue;
    const title = data.scope.frameworks.find((x) => x.id === result.frameworkId)?.title ?? result.frameworkId;
    canvas.ensureSpace(120);
    canvas.y += 6;
    const frameworkItem = drawHeading(canvas, frameworkEntries.entry, sectionItem);
    const tally = data.summary.frameworks[result.frameworkId];
    canvas.y += canvas.text(
      `Readiness ${formatScore(tally?.score ?? null)} over ${result.systems.length} systems.`,
      box.left,
      canvas.y,
      { size: 8.5, color: MUTED },
      width,
    );
    canvas.y += 4;
    if (result.systems.length === 0) {
      canvas.y += canvas.text("No AI systems in scope.", box.left, canvas.y, { size: 9, color: MUTED }, width) + 6;
    }
    for (const [s, system] of result.systems.entries()) {
      const entry = frameworkEntries.systems[s];
      if (!entry) continue;
      canvas.ensureSpace(90);
      canvas.y += 4;
      drawHeading(canvas, entry, frameworkItem);
      const t = system.tally;
      canvas.y += canvas.text(
        `System id ${system.systemId} · score ${formatScore(t.score)} · met ${t.counts.met} · partial ${t.counts.partial} · ` +
          `failing ${t.counts.failing} · missing ${t.counts.missing} · stale ${t.counts.stale} · waived ${t.counts.waived} · ` +
          `not applicable ${t.counts["not-applicable"]}`,
        box.left,
        canvas.y,
        { size: 8, color: MUTED },
        width,
      );
      canvas.y += 4;
      await drawTable(canvas, {
        columns: [
          { header: "Ref", width: 78 },
          { header: "Title", width: 138 },
          { header: "Status", width: 70 },
          { header: "Explanation (requirement id and evidence below)", width: width - 286 },
        ],
        rows: system.rows.map(toTableRow),
        size: 7.5,
        detailSize: 7,
        detailFrom: 0,
        continued: `${title} · ${system.systemName}`,
        empty: `No applicable requirements of ${title} for this system at this point in time.`,
        truncated: "Cut here: the row is longer than a page; the full row is in report-data.json of the audit pack.",
        onRow,
      });
    }
  }
}
