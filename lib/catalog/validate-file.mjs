// Quick validator for catalog authors while lib/catalog's loader is being written:
//   node lib/catalog/validate-file.mjs controls/frameworks/eu-ai-act.yaml
// Prints schema errors with their paths, duplicate ids and dangling parents.
import { readFileSync } from "node:fs";
import { parse } from "yaml";
const { frameworkFileSchema, mappingFileSchema, externalIdListSchema } = await import("./catalog-schema.ts");
const file = process.argv[2];
const doc = parse(readFileSync(file, "utf8"));
const schema =
  doc && "mapping" in doc ? mappingFileSchema : doc && "entries" in doc ? externalIdListSchema : frameworkFileSchema;
const result = schema.safeParse(doc);
if (!result.success) {
  for (const issue of result.error.issues.slice(0, 50)) {
    const path = issue.path.join(".");
    const node = issue.path[0] === "nodes" && typeof issue.path[1] === "number" ? doc.nodes[issue.path[1]]?.id : "";
    console.log(`${path} ${node ? `(${node})` : ""}: ${issue.message}`);
  }
  process.exit(1);
}
if (result.data.nodes) {
  const ids = new Set();
  let bad = 0;
  for (const n of result.data.nodes) {
    if (ids.has(n.id)) {
      console.log(`duplicate id ${n.id}`);
      bad++;
    }
    ids.add(n.id);
  }
  for (const n of result.data.nodes) {
    if (n.parent && !ids.has(n.parent)) {
      console.log(`${n.id}: dangling parent ${n.parent}`);
      bad++;
    }
  }
  const reqs = result.data.nodes.filter((n) => n.kind === "requirement");
  console.log(`${result.data.nodes.length} nodes, ${reqs.length} requirements`);
  process.exit(bad ? 1 : 0);
}
console.log(result.data.edges ? `${result.data.edges.length} edges` : `${result.data.entries.length} entries`);
