import { resolve } from "node:path";
import type { Command } from "commander";
import { loadCatalog } from "../../catalog/load-catalog.ts";
import { createCliOutput } from "../cli-output.ts";

/** `assay catalog check [--dir D] [--json]`: validates controls/ without touching the database. */
export function registerCatalogCommands(program: Command): void {
  const catalog = program.command("catalog").description("control catalogs (controls/)");
  catalog
    .command("check")
    .description("validate every catalog file: schema, ids, parents, mappings, dates, roles, encoding")
    .option("--dir <dir>", "catalog directory", "controls")
    .option("--json", "print one JSON object")
    .action((opts: { dir: string; json?: boolean }) => {
      const out = createCliOutput(Boolean(opts.json));
      const { catalog: loaded, problems } = loadCatalog(resolve(opts.dir));
      const nodes = loaded.frameworks.reduce((n, f) => n + f.nodes.length, 0);
      const edges = loaded.mappings.reduce((n, m) => n + m.edges.length, 0);
      out.result(
        problems.length === 0
          ? { ok: true, frameworks: loaded.frameworks.length, nodes, mappings: loaded.mappings.length, edges }
          : { ok: false, problems },
        () =>
          problems.length === 0
            ? `Catalog OK: ${loaded.frameworks.length} frameworks, ${nodes} nodes, ${loaded.mappings.length} mappings, ${edges} edges.`
            : [
                `Catalog has ${problems.length} problem(s):`,
                ...problems.map((p) => `  ${p.file}${p.node ? ` [${p.node}]` : ""}: ${p.message}`),
              ].join("\n"),
      );
      if (problems.length > 0) process.exitCode = 1;
    });
}
