export interface ReadNumberOptions {
  /**
   * Whether text counts too. `false` (the default): only numbers. `true`: any non-blank text `Number()`
   * reads as a finite number (`" 12 "`, `"1e3"`, `"0x1F"`, `"-4.5"`). A RegExp: only text whose trimmed
   * form matches it (e.g. `/^\d+(\.\d+)?$/` for plain unsigned decimals), converted with `Number()`.
   */
  strings?: boolean | RegExp;
}

/** A numeric field: a finite number (or, per `options.strings`, text holding one); anything else is null. */
export function readNumber(value: unknown, options: ReadNumberOptions = {}): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value !== "string" || options.strings === undefined || options.strings === false) return null;
  if (options.strings === true) return value.trim() !== "" && Number.isFinite(Number(value)) ? Number(value) : null;
  if (!options.strings.test(value.trim())) return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}
