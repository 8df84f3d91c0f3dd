import type { AnnexIIIArea } from "@/lib/catalog/get-annex-iii-areas.ts";

export type { AnnexIIIArea };

/** "4(a)" -> the use case's area title and summary, when known. */
export function findAnnexIIIUseCase(
  areas: readonly AnnexIIIArea[],
  code: string,
): { area: string; summary: string } | null {
  const m = /^([1-8])(?:\(([a-z])\))?$/.exec(code);
  const area = m ? areas.find((a) => a.point === m[1]) : undefined;
  if (!m || !area) return null;
  const useCase = m[2] ? area.useCases.find((u) => u.letter === m[2]) : undefined;
  return { area: area.title, summary: useCase?.summary ?? "" };
}
