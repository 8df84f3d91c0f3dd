import { MATURITY_STAGE_ORDER, type Stage } from "../../scoring/scoring-types.ts";
import type { ReportCanvas } from "./pdf-types.ts";

const LABEL_WIDTH = 150;
const STAGE_WIDTH = 62;
const CELL_HEIGHT = 12;
const SHADES = ["#bfdbfe", "#60a5fa", "#2563eb", "#1e3a8a"] as const;
const EMPTY = "#f1f5f9";
const MUTED = "#6b7280";

const stageLabel = (stage: Stage) => stage.charAt(0).toUpperCase() + stage.slice(1);

/**
 * Zero Trust pillar maturity as stepped bars: one row per pillar, one cell per stage (Traditional,
 * Initial, Advanced, Optimal), filled up to the pillar's stage, with the stage named in text beside it
 * and how the systems spread over the stages underneath.
 */
export function drawPillarStages(
  canvas: ReportCanvas,
  pillars: { title: string; stage: Stage; systems: { stage: Stage }[] }[],
): void {
  const { doc, box } = canvas;
  const gridX = box.left + LABEL_WIDTH;
  const textX = gridX + STAGE_WIDTH * MATURITY_STAGE_ORDER.length + 8;
  const textWidth = box.right - textX;
  const drawHeader = () => {
    MATURITY_STAGE_ORDER.forEach((stage, i) => {
      const x = gridX + i * STAGE_WIDTH;
      canvas.text(stageLabel(stage), x, canvas.y, { size: 7, bold: true, color: MUTED }, STAGE_WIDTH - 2, "center");
    });
    canvas.text("Stage", textX, canvas.y, { size: 7, bold: true, color: MUTED }, textWidth);
    canvas.y += 12;
  };
  canvas.ensureSpace(40);
  drawHeader();
  for (const pillar of pillars) {
    const label = canvas.layout(pillar.title, { size: 9, bold: true }, LABEL_WIDTH - 10);
    const spread = MATURITY_STAGE_ORDER.map((stage) => ({
      stage,
      count: pillar.systems.filter((s) => s.stage === stage).length,
    }))
      .filter((s) => s.count > 0)
      .map((s) => `${s.count} ${s.stage}`)
      .join(", ");
    const note = canvas.layout(
      pillar.systems.length === 0 ? "No systems." : `Systems: ${spread}`,
      { size: 7, color: MUTED },
      textWidth,
    );
    const rowHeight =
      Math.max(label.length * canvas.lineHeight(9), canvas.lineHeight(9) + note.length * canvas.lineHeight(7)) + 7;
    if (canvas.ensureSpace(rowHeight)) drawHeader();
    const top = canvas.y;
    canvas.drawLines(label, box.left, top, { size: 9, bold: true }, LABEL_WIDTH - 10);
    const reached = MATURITY_STAGE_ORDER.indexOf(pillar.stage);
    MATURITY_STAGE_ORDER.forEach((_, i) => {
      const x = gridX + i * STAGE_WIDTH;
      // Stepped: each stage reached is a taller, darker step.
      const stepHeight = CELL_HEIGHT * (0.55 + 0.15 * i);
      doc
        .rect(x + 1, top + 1.5 + CELL_HEIGHT - stepHeight, STAGE_WIDTH - 2, stepHeight)
        .fill(i <= reached ? (SHADES[i] ?? EMPTY) : EMPTY);
    });
    canvas.text(stageLabel(pillar.stage), textX, top, { size: 9, bold: true }, textWidth);
    canvas.drawLines(note, textX, top + canvas.lineHeight(9), { size: 7, color: MUTED }, textWidth);
    canvas.y += rowHeight;
  }
}
