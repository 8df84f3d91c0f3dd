const EXTENSIONS: [RegExp, string][] = [
  [/ndjson|jsonl|json-seq/, "jsonl"],
  [/json/, "json"],
  [/xml/, "xml"],
  [/yaml|yml/, "yaml"],
  [/csv/, "csv"],
  [/text\/plain/, "txt"],
];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Pure: where a piece of evidence sits in the pack: `evidence/<uuid>.<ext from its content type>`. */
export function evidencePath(evidenceId: string, contentType: string): string {
  if (!UUID.test(evidenceId)) throw new Error(`not an evidence id: ${evidenceId.slice(0, 40)}`);
  const ext = EXTENSIONS.find(([re]) => re.test(contentType.toLowerCase()))?.[1] ?? "bin";
  return `evidence/${evidenceId}.${ext}`;
}
