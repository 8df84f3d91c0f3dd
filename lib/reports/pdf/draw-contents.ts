import type { ContentsPlan, ReportCanvas } from "./pdf-types.ts";

const DOTS = "#9ca3af";

/**
 * Fills the reserved table-of-contents pages (starting at `firstPage`) once every section has been
 * drawn: titles with dot leaders, the page where each section starts, and a link to it.
 */
export function drawContents(canvas: ReportCanvas, plan: ContentsPlan, firstPage: number): void {
  const { doc, box } = canvas;
  plan.pages.forEach((page, p) => {
    doc.switchToPage(firstPage + p);
    if (p === 0) canvas.text("Contents", box.left, box.top, { size: 17, bold: true, color: "#1e3a5f" }, 300);
    for (const item of page) {
      const style = { size: item.size, bold: item.bold };
      const x = box.left + item.indent;
      const height = canvas.drawLines(item.lines, x, item.y, style, box.right - x);
      const number = item.entry.pageIndex === null ? "–" : String(item.entry.pageIndex + 1);
      const lastLine = item.lines.at(-1);
      const lineTop = item.y + height - canvas.lineHeight(item.size);
      const numberHeight = canvas.text(number, box.right - 40, lineTop, style, 40, "right");
      const leaderStart = x + (lastLine?.width ?? 0) + 4;
      const numberWidth = canvas.layout(number, style, 40)[0]?.width ?? 0;
      const leaderEnd = box.right - 44 - numberWidth;
      if (leaderEnd > leaderStart) {
        const baseline = lineTop + item.size * 1.02;
        doc
          .moveTo(leaderStart, baseline)
          .lineTo(leaderEnd, baseline)
          .lineWidth(0.6)
          .dash(0.6, { space: 2.4 })
          .strokeColor(DOTS)
          .stroke()
          .undash();
      }
      doc.goTo(x, item.y, box.right - x, Math.max(height, numberHeight), item.entry.dest);
    }
  });
}
