import type { ReportData } from "../report-types.ts";
import type { Tally } from "../../scoring/scoring-types.ts";
import { drawHeading } from "./draw-heading.ts";
import { drawPillarStages } from "./draw-pillar-stages.ts";
import { drawReadinessBars } from "./draw-readiness-bars.ts";
import { drawTable } from "./draw-table.ts";
import { formatScore } from "./format-score.ts";
import type { ContentsEntry, ReportCanvas } from "./pdf-types.ts";

const MUTED = "#6b7280";
const MAX_IDS = 8;

const countsLine = (t: Tally) =>
  `met ${t.counts.met} · partial ${t.counts.partial} · failing ${t.counts.failing} · missing ${t.counts.missing} · ` +
  `stale ${t.counts.stale} · waived ${t.counts.waived} · not applicable ${t.counts["not-applicable"]}`;

function subheading(canvas: ReportCanvas, text: string, intro: string): void {
  canvas.ensureSpace(70);
  canvas.y += 8;
  const width = canvas.box.right - canvas.box.left;
  canvas.y += canvas.text(text, canvas.box.left, canvas.y, { size: 11.5, bold: true, color: "#1e3a5f" }, width) + 2;
  canvas.y += canvas.text(intro, canvas.box.left, canvas.y, { size: 8, color: MUTED }, width) + 6;
}

/**
 * The executive summary: the organization's score, readiness per framework (bar chart), Zero Trust
 * pillar maturity (stepped bars), a per-system table and the upcoming EU AI Act deadlines.
 */
export async function drawSummary(
  canvas: ReportCanvas,
  data: ReportData,
  entry: ContentsEntry,
  outline: PDFKit.PDFOutline,
): Promise<void> {
  const { box } = canvas;
  const width = box.right - box.left;
  drawHeading(canvas, entry, outline);
  const { tally } = data.summary;
  canvas.text("Organization readiness", box.left, canvas.y, { size: 9, color: MUTED }, width);
  canvas.y += canvas.lineHeight(9);
  canvas.y += canvas.text(
    formatScore(tally.score),
    box.left,
    canvas.y,
    { size: 26, bold: true, color: "#1e3a5f" },
    width,
  );
  canvas.y += canvas.text(
    `${countsLine(tally)}. ${tally.points} of ${tally.maxPoints} points, over ${data.scope.systems.length} systems ` +
      `and ${data.scope.frameworks.length} frameworks at ${data.snapshot.asOf}.`,
    box.left,
    canvas.y,
    { size: 8.5 },
    width,
  );

  subheading(
    canvas,
    "Readiness per framework",
    "Points earned out of points possible (met 2, partial 1); n/a: nothing counts.",
  );
  if (data.scope.frameworks.length === 0) {
    canvas.y += canvas.text("No frameworks in scope.", box.left, canvas.y, { size: 9, color: MUTED }, width);
  } else {
    drawReadinessBars(
      canvas,
      data.scope.frameworks.map((f) => {
        const t = data.summary.frameworks[f.id];
        return { label: f.title, score: t?.score ?? null, note: t ? countsLine(t) : "No requirements counted." };
      }),
    );
  }

  subheading(
    canvas,
    "Zero Trust pillar maturity",
    "Each pillar is at the stage of its least mature function, and of its least mature system.",
  );
  if (data.pillars.length === 0) {
    canvas.y += canvas.text(
      "No Zero Trust pillars in scope: the report does not cover the Zero Trust for AI framework.",
      box.left,
      canvas.y,
      { size: 9, color: MUTED },
      width,
    );
  } else {
    drawPillarStages(canvas, data.pillars);
  }

  subheading(canvas, "Readiness per system", "Requirement counts per status over the frameworks in scope.");
  const count = (n: number) => ({ text: String(n) });
  await drawTable(canvas, {
    columns: [
      { header: "System", width: 175 },
      { header: "Score", width: 58, align: "right" },
      ...["Met", "Partial", "Failing", "Missing", "Stale", "Waived"].map((header) => ({
        header,
        width: (width - 233) / 6,
        align: "right" as const,
      })),
    ],
    rows: data.summary.systems.map((s) => ({
      cells: [
        s.name,
        { text: formatScore(s.tally.score), bold: true },
        count(s.tally.counts.met),
        count(s.tally.counts.partial),
        count(s.tally.counts.failing),
        count(s.tally.counts.missing),
        count(s.tally.counts.stale),
        count(s.tally.counts.waived),
      ],
    })),
    size: 8.5,
    continued: "Readiness per system",
    empty: "No AI systems in scope.",
    truncated: "Cut here: the full row is in report-data.json of the audit pack.",
  });

  subheading(
    canvas,
    "Upcoming deadlines",
    "EU AI Act obligations that apply later: the date as amended by the Digital Omnibus on AI, the Art. 113 date as adopted, and the requirement ids.",
  );
  const deadlines = [...data.deadlines].sort(
    (a, b) => a.date.localeCompare(b.date) || a.systemName.localeCompare(b.systemName),
  );
  await drawTable(canvas, {
    columns: [
      { header: "Date", width: 62 },
      { header: "Art. 113 date", width: 66 },
      { header: "Days left", width: 46, align: "right" },
      { header: "System", width: width - 300 },
      { header: "Requirements", width: 66, align: "right" },
      { header: "Readiness", width: 60, align: "right" },
    ],
    rows: deadlines.map((d) => ({
      cells: [
        { text: d.date, bold: true },
        d.originalDates.length > 0 ? d.originalDates.join(", ") : "same",
        String(d.daysLeft),
        d.systemName,
        String(d.requirementIds.length),
        { text: formatScore(d.tally.score), bold: true },
      ],
      detail: [
        `${d.requirementIds.slice(0, MAX_IDS).join(", ")}` +
          (d.requirementIds.length > MAX_IDS ? `, +${d.requirementIds.length - MAX_IDS} more` : ""),
      ],
    })),
    size: 8,
    detailSize: 7,
    continued: "Upcoming deadlines",
    empty: "No upcoming deadlines: no EU AI Act obligation in scope applies later than the point in time.",
    truncated: "Cut here: the full row is in report-data.json of the audit pack.",
  });
}
