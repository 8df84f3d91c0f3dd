/**
 * Pure: text as PostgreSQL can store it in `text` and `jsonb`: NUL characters removed and unpaired
 * UTF-16 surrogates replaced by U+FFFD. Used for what Assay derives from evidence (findings), never for
 * the evidence bytes themselves, which are stored exactly as received.
 */
export function toStorableText(text: string): string {
  return text.replaceAll("\u0000", "").toWellFormed();
}
