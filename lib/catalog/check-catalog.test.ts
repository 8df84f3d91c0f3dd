import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { runAssayCli } from "../testing/run-assay-cli.ts";
import type { CatalogSourceFile } from "./catalog-types.ts";
import {
  demoCatalogFiles,
  demoFramework,
  demoMapping,
  demoRequirement,
  demoStandard,
} from "../testing/demo-catalog.ts";
import { checkCatalog } from "./check-catalog.ts";
import { loadCatalog } from "./load-catalog.ts";

const requirement = demoRequirement;
const framework = demoFramework;
const standard = demoStandard;
const mapping = demoMapping;
const files = demoCatalogFiles;
const withNodes = (nodes: unknown[]) => ({ ...framework, nodes });

describe("checkCatalog", () => {
  it("accepts a consistent catalog", () => {
    const { catalog, problems } = checkCatalog(files());
    expect(problems).toEqual([]);
    expect(catalog.frameworks.map((f) => f.framework.id)).toEqual(["demo-act", "demo-std"]);
    expect(catalog.digests).toHaveLength(3);
  });

  const cases: [string, CatalogSourceFile[], { node?: string; message: RegExp }][] = [
    [
      "a schema error",
      files({
        "frameworks/demo-act.yaml": withNodes([framework.nodes[0], { ...requirement, appliesFrom: "2027-13-45" }]),
      }),
      { node: "demo-act:art-1-1", message: /appliesFrom: must be a date/ },
    ],
    [
      "a duplicate id",
      files({ "frameworks/demo-act.yaml": withNodes([...framework.nodes, requirement]) }),
      { node: "demo-act:art-1-1", message: /duplicate id/ },
    ],
    [
      "a dangling parent",
      files({
        "frameworks/demo-act.yaml": withNodes([framework.nodes[0], { ...requirement, parent: "demo-act:art-9" }]),
      }),
      { node: "demo-act:art-1-1", message: /parent demo-act:art-9 does not exist/ },
    ],
    [
      "a dangling mapping target",
      files({ "mappings/demo.yaml": { ...mapping, edges: [{ ...mapping.edges[0], to: "demo-std:nowhere" }] } }),
      { node: "demo-act:art-1-1 -> demo-std:nowhere", message: /is not a node of demo-std/ },
    ],
    [
      "a missing role",
      files({ "frameworks/demo-act.yaml": withNodes([framework.nodes[0], { ...requirement, roles: undefined }]) }),
      { node: "demo-act:art-1-1", message: /lacks roles/ },
    ],
    [
      "a missing date",
      files({
        "frameworks/demo-act.yaml": withNodes([framework.nodes[0], { ...requirement, appliesFromOriginal: undefined }]),
      }),
      { node: "demo-act:art-1-1", message: /lacks appliesFromOriginal/ },
    ],
    [
      "an unknown field",
      files({ "frameworks/demo-act.yaml": withNodes([framework.nodes[0], { ...requirement, severity: "high" }]) }),
      { node: "demo-act:art-1-1", message: /Unrecognized key/i },
    ],
    [
      "a replacement character",
      files({
        "frameworks/demo-act.yaml": withNodes([
          framework.nodes[0],
          { ...requirement, summary: "Deployers keep the logs \uFFFD" },
        ]),
      }),
      { node: "demo-act:art-1-1", message: /broken encoding/ },
    ],
    [
      "bytes that are not UTF-8",
      files({ "frameworks/demo-act.yaml": new Uint8Array([0x69, 0x64, 0x3a, 0x20, 0xc3, 0x28]) }),
      { message: /not valid UTF-8/ },
    ],
    [
      "a YAML syntax error",
      files({ "frameworks/demo-act.yaml": new TextEncoder().encode("framework: [unclosed") }),
      { message: /^YAML:/ },
    ],
    [
      "a parent cycle",
      files({
        "frameworks/demo-act.yaml": withNodes([{ ...framework.nodes[0], parent: "demo-act:art-1-1" }, requirement]),
      }),
      { node: "demo-act:art-1", message: /cycle/ },
    ],
  ];
  for (const [name, input, expected] of cases) {
    it(`reports ${name}, naming the node`, () => {
      const { problems } = checkCatalog(input);
      expect(problems).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            ...(expected.node ? { node: expected.node } : {}),
            message: expect.stringMatching(expected.message) as unknown,
          }),
        ]),
      );
    });
  }
});

const demoRule = {
  id: "demo-logs",
  title: "Gateway logs",
  summary: "Logged requests show the logs exist.",
  match: { sources: ["litellm"], checks: ["request-log"], outcomes: ["pass", "info"] },
  requirements: ["demo-act:art-1-1", "demo-std:logging.retain"],
  freshnessDays: 7,
};
const withRules = (rules: unknown[], path = "rules/demo.yaml") => ({ [path]: { rules } });

describe("checkCatalog on evidence rules", () => {
  it("accepts consistent rule files and keeps them in the catalog", () => {
    const { catalog, problems } = checkCatalog(files(withRules([demoRule])));
    expect(problems).toEqual([]);
    expect(catalog.rules).toEqual([{ file: "rules/demo.yaml", rules: [demoRule] }]);
  });

  const twin = { ...requirement, id: "demo-act:art-1-1.annex-i", scope: ["high-risk-annex-i"] };
  const cases: [string, CatalogSourceFile[], { file: string; message: RegExp }][] = [
    [
      "an unknown requirement id",
      files(withRules([{ ...demoRule, requirements: ["demo-act:art-1-1", "demo-act:art-9-9"] }])),
      { file: "rules/demo.yaml", message: /^requirement demo-act:art-9-9 does not exist in any framework$/ },
    ],
    [
      "a group given as a requirement",
      files(withRules([{ ...demoRule, requirements: ["demo-act:art-1"] }])),
      { file: "rules/demo.yaml", message: /demo-act:art-1 is a group, not an assessable requirement/ },
    ],
    [
      "an unknown source",
      files(withRules([{ ...demoRule, match: { ...demoRule.match, sources: ["litellm", "splunk"] } }])),
      { file: "rules/demo.yaml", message: /match\.sources\.1: unknown source "splunk"/ },
    ],
    [
      "an unknown check",
      files(withRules([{ ...demoRule, match: { ...demoRule.match, checks: ["telepathy"] } }])),
      { file: "rules/demo.yaml", message: /match\.checks\.0: unknown check "telepathy"/ },
    ],
    [
      "a rule id used in two files",
      files({ ...withRules([demoRule], "rules/a.yaml"), ...withRules([demoRule], "rules/b.yaml") }),
      { file: "rules/b.yaml", message: /^duplicate rule id \(also in rules\/a\.yaml\)$/ },
    ],
    [
      "a rule id used twice in one file",
      files(withRules([demoRule, { ...demoRule, title: "Again" }])),
      { file: "rules/demo.yaml", message: /^duplicate rule id$/ },
    ],
    [
      "a provision listed without its Annex I twin",
      files({
        "frameworks/demo-act.yaml": withNodes([...framework.nodes, twin]),
        ...withRules([demoRule]),
      }),
      { file: "rules/demo.yaml", message: /lists demo-act:art-1-1 but not its twin demo-act:art-1-1\.annex-i/ },
    ],
    [
      "a minSeverity that can never apply",
      files(withRules([{ ...demoRule, match: { ...demoRule.match, minSeverity: "high" } }])),
      { file: "rules/demo.yaml", message: /minSeverity only filters failing findings/ },
    ],
    [
      "a rule without checks",
      files(withRules([{ ...demoRule, match: { sources: ["litellm"] } }])),
      { file: "rules/demo.yaml", message: /match\.checks/ },
    ],
    [
      "a freshness that is not a whole number of days",
      files(withRules([{ ...demoRule, freshnessDays: 0.5 }])),
      { file: "rules/demo.yaml", message: /freshnessDays/ },
    ],
  ];
  for (const [name, input, expected] of cases) {
    it(`reports ${name}, naming the file and the rule`, () => {
      const { problems } = checkCatalog(input);
      expect(problems).toEqual([
        { file: expected.file, node: "demo-logs", message: expect.stringMatching(expected.message) as unknown },
      ]);
    });
  }
});

describe("the shipped catalog", () => {
  it("has no problems", () => {
    const { catalog, problems } = loadCatalog();
    expect(problems).toEqual([]);
    expect(catalog.frameworks.length).toBeGreaterThan(0);
  });
});

describe("assay catalog check", () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it("exits 0 on the shipped catalog and 1 naming the node on a deliberate error", async () => {
    const ok = await runAssayCli(["catalog", "check"], {});
    expect(ok.stderr).toBe("");
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/Catalog OK: \d+ frameworks/);

    const dir = mkdtempSync(join(tmpdir(), "assay-catalog-"));
    dirs.push(dir);
    mkdirSync(join(dir, "frameworks"));
    mkdirSync(join(dir, "mappings"));
    writeFileSync(
      join(dir, "frameworks", "demo-act.yaml"),
      stringify(withNodes([framework.nodes[0], { ...requirement, roles: undefined }])),
    );
    writeFileSync(join(dir, "frameworks", "demo-std.yaml"), stringify(standard));
    writeFileSync(join(dir, "mappings", "demo.yaml"), stringify(mapping));
    const bad = await runAssayCli(["catalog", "check", "--dir", dir, "--json"], {});
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout)).toEqual({
      ok: false,
      problems: [
        { file: "frameworks/demo-act.yaml", node: "demo-act:art-1-1", message: "assessable requirement lacks roles" },
      ],
    });
  });
});
