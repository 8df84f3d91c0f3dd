import type { ContentsEntry, ContentsPlan, ReportCanvas } from "./pdf-types.ts";

const CONTENTS_TITLE_HEIGHT = 44;
const NUMBER_WIDTH = 48;
const INDENT = { 1: 0, 2: 14, 3: 28 } as const;
const SIZE = { 1: 10.5, 2: 9.5, 3: 9 } as const;

/**
 * Lays out the table of contents (titles only: page numbers go in a fixed column) and splits it into
 * pages, so that its pages can be reserved before the sections are drawn and filled in at the end.
 */
export function planContents(canvas: ReportCanvas, entries: ContentsEntry[]): ContentsPlan {
  const { box } = canvas;
  const pages: ContentsPlan["pages"] = [[]];
  let y = box.top + CONTENTS_TITLE_HEIGHT;
  for (const entry of entries) {
    const indent = INDENT[entry.level];
    const size = SIZE[entry.level];
    const bold = entry.level === 1;
    const lines = canvas.layout(entry.title, { size, bold }, box.right - box.left - indent - NUMBER_WIDTH);
    const height = lines.length * canvas.lineHeight(size) + (entry.level === 1 ? 7 : 3);
    if (entry.level === 1 && y > box.top + CONTENTS_TITLE_HEIGHT) y += 4;
    if (y + height > box.bottom) {
      pages.push([]);
      y = box.top;
    }
    pages.at(-1)?.push({ entry, lines, y, indent, size, bold });
    y += height;
  }
  return { pages };
}
