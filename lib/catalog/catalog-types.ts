import type { ExternalIdList, FrameworkFile, MappingFile } from "./catalog-schema.ts";
import type { RuleFile } from "./rule-schema.ts";

/** A catalog file as read from disk (or given by a test). */
export interface CatalogSourceFile {
  /** Path relative to the catalog directory, e.g. `frameworks/eu-ai-act.yaml`. */
  path: string;
  bytes: Uint8Array;
}

export interface CatalogProblem {
  file: string;
  /** The node (or edge, or entry) the problem is about, when there is one. */
  node?: string;
  message: string;
}

/** Where a catalog document came from. */
export interface FromFile {
  file: string;
}

export interface Catalog {
  frameworks: (FrameworkFile & FromFile)[];
  mappings: (MappingFile & FromFile)[];
  externals: (ExternalIdList & FromFile)[];
  /** Evidence rule files (controls/rules/): which findings support or fail which requirements. */
  rules: (RuleFile & FromFile)[];
  /** sha256 of every file read, for reports and for skipping unchanged syncs. */
  digests: { path: string; sha256: string }[];
}
