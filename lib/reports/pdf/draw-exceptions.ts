import type { ReportException } from "../report-types.ts";
import { drawHeading } from "./draw-heading.ts";
import { drawTable } from "./draw-table.ts";
import { formatUtc } from "./format-utc.ts";
import type { ContentsEntry, ReportCanvas } from "./pdf-types.ts";

/** Exceptions: every waiver in force, with its reason, compensating control, approver, expiry and evidence status. */
export async function drawExceptions(
  canvas: ReportCanvas,
  exceptions: ReportException[],
  entry: ContentsEntry,
  outline: PDFKit.PDFOutline,
  onRow: () => void,
): Promise<void> {
  const { box } = canvas;
  const width = box.right - box.left;
  drawHeading(canvas, entry, outline);
  canvas.y += canvas.text(
    "Waived requirements are left out of the scores; the evidence status shows what the evidence alone gives.",
    box.left,
    canvas.y,
    { size: 8.5, color: "#6b7280" },
    width,
  );
  canvas.y += 6;
  await drawTable(canvas, {
    columns: [
      { header: "System and requirement", width: 128 },
      { header: "Reason", width: 120 },
      { header: "Compensating control", width: 112 },
      { header: "Approved by, expires", width: width - 420 },
      { header: "Evidence status", width: 60 },
    ],
    rows: exceptions.map((e) => ({
      cells: [
        `${e.systemName}\n${e.ref}`,
        e.reason,
        e.compensatingControl,
        `${e.approvedBy}\nexpires ${formatUtc(e.expiresAt)}`,
        { text: e.evidenceStatus, bold: true },
      ],
      detail: [`Requirement ${e.requirementId} · waiver ${e.waiverId}`],
    })),
    size: 7.5,
    detailSize: 7,
    continued: "Exceptions",
    empty: "No exceptions: no waiver was in force for the systems and frameworks in scope at this point in time.",
    truncated: "Cut here: the full row is in report-data.json of the audit pack.",
    onRow,
  });
}
