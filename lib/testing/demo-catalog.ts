import { stringify } from "yaml";
import type { CatalogSourceFile } from "../catalog/catalog-types.ts";

/** A tiny, consistent catalog (a regulation, a standard, a crosswalk) for catalog tests. */
export const demoRequirement = {
  id: "demo-act:art-1-1",
  parent: "demo-act:art-1",
  kind: "requirement",
  ref: "Art. 1(1)",
  title: "Keep logs",
  summary: "Deployers keep the logs the system generates.",
  roles: ["deployer"],
  scope: ["high-risk-annex-iii"],
  appliesFromOriginal: "2026-08-02",
  appliesFrom: "2027-12-02",
  omnibus: { change: "date", note: "Moved to the long-stop date." },
  evidence: ["Log retention settings"],
  source: { document: "Demo Act", section: "Article 1(1)", version: "1" },
};

export const demoFramework = {
  framework: {
    id: "demo-act",
    title: "Demo Act",
    version: "1",
    kind: "regulation",
    description: "A tiny regulation for tests.",
    sources: [{ title: "Demo Act", version: "1", url: "https://example.org/demo", licence: "public domain" }],
  },
  nodes: [
    { id: "demo-act:art-1", parent: null, kind: "group", ref: "Art. 1", title: "Logs", summary: "About logs." },
    demoRequirement,
  ],
};

export const demoStandard = {
  framework: { ...demoFramework.framework, id: "demo-std", kind: "standard", title: "Demo standard" },
  nodes: [
    {
      id: "demo-std:logging",
      parent: null,
      kind: "group",
      ref: "Logging",
      title: "Logging",
      summary: "Logging controls.",
    },
    {
      id: "demo-std:logging.retain",
      parent: "demo-std:logging",
      kind: "requirement",
      ref: "Logging 1",
      title: "Retain logs",
      summary: "Logs are retained.",
      evidence: ["Retention policy"],
      source: { document: "Demo", section: "1", version: "1" },
      stage: "initial",
    },
  ],
};

export const demoMapping = {
  mapping: {
    id: "demo-act-to-demo-std",
    title: "Demo crosswalk",
    source: "demo-act",
    target: "demo-std",
    description: "Test.",
  },
  edges: [
    {
      from: "demo-act:art-1-1",
      to: "demo-std:logging.retain",
      relationship: "subset-of",
      rationale: "Retention is part of logging.",
    },
  ],
};

/** The demo catalog as files, with optional replacements by path (a value or raw bytes). */
export function demoCatalogFiles(over: Partial<Record<string, unknown>> = {}): CatalogSourceFile[] {
  const all: Record<string, unknown> = {
    "frameworks/demo-act.yaml": demoFramework,
    "frameworks/demo-std.yaml": demoStandard,
    "mappings/demo.yaml": demoMapping,
    ...over,
  };
  return Object.entries(all).map(([path, value]) => ({
    path,
    bytes: value instanceof Uint8Array ? value : new TextEncoder().encode(stringify(value)),
  }));
}
