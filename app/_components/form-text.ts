/** A text field's value from a submitted form; missing fields and file inputs give "". */
export function formText(data: FormData, name: string): string {
  const value = data.get(name);
  return typeof value === "string" ? value : "";
}
