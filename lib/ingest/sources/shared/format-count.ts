/** `n` and an English noun for titles: `1 component`, `0 components`, `3 AI packages` (plural: the noun plus `s`). */
export function formatCount(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
