import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runAssayCli } from "../testing/run-assay-cli.ts";
import { buildCatalogJsonSchemas } from "./build-catalog-json-schemas.ts";
import { checkCatalog } from "./check-catalog.ts";
import { loadCatalog } from "./load-catalog.ts";
import { toOscalCatalog } from "./to-oscal-catalog.ts";
import { toOscalMapping } from "./to-oscal-mapping.ts";
import { validateOscal } from "./validate-oscal.ts";
import { demoCatalogFiles } from "../testing/demo-catalog.ts";

const LAST_MODIFIED = "2026-11-24T00:00:00Z";

interface Control {
  id: string;
  class?: string;
  props?: { name: string; value: string; ns?: string }[];
  controls?: Control[];
}
interface Group {
  groups?: Group[];
  controls?: Control[];
}
function allControls(g: Group): Control[] {
  return [...(g.controls ?? []).flatMap((c) => [c, ...allControls(c)]), ...(g.groups ?? []).flatMap(allControls)];
}

describe("OSCAL validation catches mistakes (the validator is real)", () => {
  it("rejects a catalog without metadata title and a mapping with an unknown field", () => {
    const { catalog } = checkCatalog(demoCatalogFiles());
    const doc = toOscalCatalog(catalog.frameworks[0]!, LAST_MODIFIED);
    expect(validateOscal("catalog", doc)).toEqual([]);
    const broken = structuredClone(doc) as { catalog: { metadata: Record<string, unknown> } };
    delete broken.catalog.metadata.title;
    expect(validateOscal("catalog", broken).join(" ")).toMatch(/title/);
    const mapping = toOscalMapping(catalog.mappings[0]!, catalog, LAST_MODIFIED);
    expect(validateOscal("mapping", mapping)).toEqual([]);
    expect(
      validateOscal("mapping", { "mapping-collection": { ...mapping["mapping-collection"], surprise: 1 } }),
    ).not.toEqual([]);
  });
});

describe("the shipped catalogs export valid OSCAL", () => {
  const { catalog } = loadCatalog();
  for (const fw of catalog.frameworks) {
    it(`${fw.framework.id}: valid OSCAL 1.1 catalog with the props on every assessable control`, () => {
      const doc = toOscalCatalog(fw, LAST_MODIFIED);
      expect(validateOscal("catalog", doc)).toEqual([]);
      const controls = allControls(doc.catalog as Group).filter((c) => c.class === "requirement");
      expect(controls.length).toBe(fw.nodes.filter((n) => n.kind === "requirement").length);
      for (const control of controls) {
        const names = (control.props ?? []).map((p) => p.name);
        expect(names, control.id).toContain("label");
        if (fw.framework.kind === "regulation") {
          const node = fw.nodes.find((n) => n.id.endsWith(`:${control.id}`));
          expect(names.filter((n) => n === "role").length, control.id).toBe(node?.roles?.length);
          expect(names, control.id).toEqual(expect.arrayContaining(["scope", "applies-from-original"]));
          if (node?.omnibus?.change !== "removed") expect(names, control.id).toContain("applies-from");
        }
      }
    });
  }
  for (const m of catalog.mappings) {
    it(`${m.mapping.id}: valid OSCAL mapping collection`, () => {
      expect(validateOscal("mapping", toOscalMapping(m, catalog, LAST_MODIFIED))).toEqual([]);
    });
  }
});

describe("assay catalog export", () => {
  it("prints the EU AI Act as valid OSCAL, and names unknown ids and formats", async () => {
    const run = await runAssayCli(
      ["catalog", "export", "eu-ai-act", "--format", "oscal", "--last-modified", LAST_MODIFIED],
      {},
    );
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(validateOscal("catalog", JSON.parse(run.stdout))).toEqual([]);
    const unknown = await runAssayCli(["catalog", "export", "no-such-framework"], {});
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/No framework or mapping "no-such-framework". Known: .*eu-ai-act/);
    const format = await runAssayCli(["catalog", "export", "eu-ai-act", "--format", "xml"], {});
    expect(format.code).toBe(2);
    expect(format.stderr).toMatch(/--format must be oscal or json/);
  });
});

describe("editor JSON Schemas", () => {
  it("controls/schema/ matches what the validator's zod schemas generate (run `npm run --silent assay -- catalog schema`)", () => {
    for (const [name, text] of Object.entries(buildCatalogJsonSchemas())) {
      expect(readFileSync(join("controls", "schema", name), "utf8"), name).toBe(text);
    }
  });
});
