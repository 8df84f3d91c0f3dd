import type { ReportData } from "../report-types.ts";
import { formatScore } from "./format-score.ts";
import type { ReportCanvas, ReportMeta } from "./pdf-types.ts";

const NAVY = "#1e3a5f";
const MUTED = "#6b7280";
const BOX_FILL = "#eef2f7";
const LABEL_WIDTH = 128;
const MAX_NAMES = 10;

/**
 * The cover page: title, organization, scope (systems and frameworks), the point in time, generation
 * time, report and snapshot ids, the hashes and the signer an auditor checks, and how to verify.
 */
export function drawCover(canvas: ReportCanvas, data: ReportData, meta: ReportMeta): void {
  const { doc, box } = canvas;
  const width = box.right - box.left;
  doc.rect(0, 0, box.width, 200).fill(NAVY);
  canvas.text("ASSAY · SIGNED AUDIT REPORT", box.left, 56, { size: 9, bold: true, color: "#9fb7d6" }, width);
  canvas.text("AI readiness report", box.left, 74, { size: 28, bold: true, color: "#ffffff" }, width);
  const orgHeight = canvas.text(data.organization.name, box.left, 120, { size: 16, color: "#ffffff" }, width);
  canvas.text(`Point in time ${data.snapshot.asOf}`, box.left, 124 + orgHeight, { size: 10, color: "#dbe5f2" }, width);

  const systems = data.scope.systems;
  const names = systems.slice(0, MAX_NAMES).map((s) => s.name);
  const more = systems.length > MAX_NAMES ? `\nand ${systems.length - MAX_NAMES} more` : "";
  const rows: [string, string][] = [
    ["Organization", `${data.organization.name} (${data.organization.slug})`],
    [
      `Systems in scope (${systems.length})`,
      // One name per line: names in one paragraph would be reordered among each other by the bidi
      // algorithm (two RTL names with "; " between them form one RTL run).
      systems.length === 0 ? "No AI systems in scope." : `${names.join("\n")}${more}`,
    ],
    [
      `Frameworks (${data.scope.frameworks.length})`,
      data.scope.frameworks.length === 0
        ? "No frameworks in scope."
        : data.scope.frameworks.map((f) => `${f.title} (version ${f.version})`).join("; "),
    ],
    ["Organization readiness", formatScore(data.summary.tally.score)],
    ["Point in time", data.snapshot.asOf],
    ["Generated at", data.generatedAt],
    ["Report id", meta.reportId],
    ["Snapshot id", data.snapshot.id],
    ["Snapshot digest", data.snapshot.digest],
    ["Report data sha256", meta.dataSha256],
    ["Signed by", meta.signer.subject],
    ["Signing root SHA-256 fingerprint", meta.signer.fingerprint],
  ];
  let y = 230;
  const valueWidth = width - LABEL_WIDTH;
  for (const [label, value] of rows) {
    const labelHeight = canvas.text(label, box.left, y, { size: 8.5, color: MUTED }, LABEL_WIDTH - 8);
    const valueHeight = canvas.text(value, box.left + LABEL_WIDTH, y, { size: 9 }, valueWidth);
    y += Math.max(labelHeight, valueHeight) + 6;
    doc
      .moveTo(box.left, y - 3)
      .lineTo(box.right, y - 3)
      .lineWidth(0.3)
      .strokeColor("#e5e7eb")
      .stroke();
  }

  const verify =
    "How to verify: this PDF carries a PKCS#7 detached signature over the whole file. Check it with " +
    "`pdfsig report.pdf` (poppler-utils) or offline with `assay verify <report.pdf | audit-pack.zip> " +
    "--trust <fingerprint>`. The report data sha256 is the SHA-256 of report-data.json in the audit pack; " +
    "the fingerprint identifies the organization's signing root, which its Reports page publishes.";
  const lines = canvas.layout(verify, { size: 8.5 }, width - 20);
  const boxHeight = lines.length * canvas.lineHeight(8.5) + 16;
  y += 10;
  doc.rect(box.left, y, width, boxHeight).fill(BOX_FILL);
  doc.rect(box.left, y, 3, boxHeight).fill("#2563eb");
  canvas.drawLines(lines, box.left + 12, y + 8, { size: 8.5 }, width - 20);
  canvas.y = y + boxHeight;
}
