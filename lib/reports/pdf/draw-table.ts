import type { LaidLine, ReportCanvas, TableRow, TableSpec, TextStyle } from "./pdf-types.ts";

const PAD_X = 4;
const PAD_Y = 3;
const HEADER_FILL = "#1e3a5f";
const STRIPE_FILL = "#f3f5f8";
const RULE = "#d5dbe3";
const MUTED = "#6b7280";
const TITLE_SIZE = 10;
const DETAIL_GAP = 1.5;

interface LaidRow {
  cells: { lines: LaidLine[]; style: TextStyle }[];
  detail: LaidLine[];
  height: number;
}

/**
 * Draws a table that breaks across pages cleanly: the header row is repeated on every page, a row is
 * never cut in half (it moves to the next page whole), and a row taller than a whole page is cut with
 * `truncated` as its last line. Rows are consumed lazily, so a long table holds one row at a time.
 */
export async function drawTable(canvas: ReportCanvas, spec: TableSpec): Promise<void> {
  const { doc, box } = canvas;
  const size = spec.size;
  const detailSize = spec.detailSize ?? size - 0.5;
  const lineHeight = canvas.lineHeight(size);
  const detailLineHeight = canvas.lineHeight(detailSize);
  const xs = spec.columns.reduce<number[]>((acc, c, i) => [...acc, (acc[i] ?? box.left) + c.width], [box.left]);
  const totalWidth = spec.columns.reduce((sum, c) => sum + c.width, 0);
  const detailFrom = spec.detailFrom ?? 0;
  const detailX = (xs[detailFrom] ?? box.left) + PAD_X;
  const detailWidth = box.left + totalWidth - detailX - PAD_X;
  const headerStyle: TextStyle = { size, bold: true, color: "#ffffff" };
  const headers = spec.columns.map((c) => canvas.layout(c.header, headerStyle, c.width - 2 * PAD_X));
  const headerHeight = 2 * PAD_Y + Math.max(...headers.map((l) => l.length)) * lineHeight;
  const titleHeight = spec.continued ? canvas.lineHeight(TITLE_SIZE) + 4 : 0;
  const truncatedLines = canvas.layout(spec.truncated, { size: detailSize }, totalWidth - 2 * PAD_X);

  const layRow = (row: TableRow): LaidRow => {
    const cells = spec.columns.map((c, i) => {
      const cell = row.cells[i] ?? "";
      const style: TextStyle =
        typeof cell === "string" ? { size } : { size, bold: cell.bold ?? false, color: cell.color ?? "#1f2937" };
      const text = typeof cell === "string" ? cell : cell.text;
      return { lines: canvas.layout(text, style, c.width - 2 * PAD_X), style };
    });
    const detail = (row.detail ?? []).flatMap((d) => canvas.layout(d, { size: detailSize }, detailWidth));
    const cellsHeight = Math.max(...cells.map((c) => c.lines.length)) * lineHeight;
    const detailHeight = detail.length > 0 ? DETAIL_GAP + detail.length * detailLineHeight : 0;
    return { cells, detail, height: 2 * PAD_Y + cellsHeight + detailHeight };
  };

  /**
   * Cuts a row to `room` points: the cell lines that fit (room is kept for the first detail line, the
   * requirement id in the results), then detail lines, then the truncation note.
   */
  const cutRow = (row: LaidRow, room: number): LaidRow => {
    const noteHeight = DETAIL_GAP + (truncatedLines.length + Math.min(1, row.detail.length)) * detailLineHeight;
    const cellLines = Math.max(1, Math.floor((room - 2 * PAD_Y - noteHeight) / lineHeight));
    const cells = row.cells.map((c) => ({ ...c, lines: c.lines.slice(0, cellLines) }));
    const cellsHeight = Math.max(...cells.map((c) => c.lines.length)) * lineHeight;
    const detailRoom = room - 2 * PAD_Y - cellsHeight - DETAIL_GAP - truncatedLines.length * detailLineHeight;
    const detailLines = Math.max(0, Math.floor(detailRoom / detailLineHeight));
    const detail = [...row.detail.slice(0, detailLines), ...truncatedLines];
    return { cells, detail, height: 2 * PAD_Y + cellsHeight + DETAIL_GAP + detail.length * detailLineHeight };
  };

  const drawContinued = () => {
    if (!spec.continued) return;
    const style = { size: TITLE_SIZE, bold: true, color: MUTED };
    canvas.text(`${spec.continued} (continued)`, box.left, canvas.y, style, totalWidth);
    canvas.y += titleHeight;
  };
  const drawHeader = () => {
    doc.rect(box.left, canvas.y, totalWidth, headerHeight).fill(HEADER_FILL);
    headers.forEach((lines, i) => {
      const c = spec.columns[i];
      if (c) canvas.drawLines(lines, (xs[i] ?? 0) + PAD_X, canvas.y + PAD_Y, headerStyle, c.width - 2 * PAD_X, c.align);
    });
    canvas.y += headerHeight;
  };
  let striped = false;
  const drawRow = (row: LaidRow) => {
    const top = canvas.y;
    if (striped) doc.rect(box.left, top, totalWidth, row.height).fill(STRIPE_FILL);
    striped = !striped;
    row.cells.forEach((cell, i) => {
      const c = spec.columns[i];
      if (c) canvas.drawLines(cell.lines, (xs[i] ?? 0) + PAD_X, top + PAD_Y, cell.style, c.width - 2 * PAD_X, c.align);
    });
    if (row.detail.length > 0) {
      const detailTop = top + PAD_Y + Math.max(...row.cells.map((c) => c.lines.length)) * lineHeight + DETAIL_GAP;
      canvas.drawLines(row.detail, detailX, detailTop, { size: detailSize, color: MUTED }, detailWidth);
    }
    doc
      .moveTo(box.left, top + row.height)
      .lineTo(box.left + totalWidth, top + row.height)
      .lineWidth(0.4)
      .strokeColor(RULE)
      .stroke();
    canvas.y += row.height;
  };

  const rows = spec.rows[Symbol.iterator]();
  const first = rows.next();
  if (first.done) {
    const lines = canvas.layout(spec.empty, { size, color: MUTED }, totalWidth);
    canvas.ensureSpace(lines.length * lineHeight);
    canvas.y += canvas.drawLines(lines, box.left, canvas.y, { size, color: MUTED }, totalWidth) + 6;
    return;
  }
  const pageRoom = box.bottom - box.top - titleHeight - headerHeight - 1;
  let pending: LaidRow = layRow(first.value);
  if (pending.height > pageRoom) pending = cutRow(pending, pageRoom);
  if (canvas.ensureSpace(headerHeight + pending.height)) drawContinued();
  drawHeader();
  let count = 0;
  for (;;) {
    if (canvas.y + pending.height > box.bottom) {
      canvas.newPage();
      drawContinued();
      drawHeader();
    }
    drawRow(pending);
    spec.onRow?.();
    count += 1;
    if (count % 200 === 0) await new Promise<void>((resolve) => setImmediate(resolve));
    const next = rows.next();
    if (next.done) break;
    pending = layRow(next.value);
    if (pending.height > pageRoom) pending = cutRow(pending, pageRoom);
  }
  canvas.y += 8;
}
