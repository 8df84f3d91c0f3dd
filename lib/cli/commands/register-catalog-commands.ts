import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Command } from "commander";
import { buildCatalogJsonSchemas } from "../../catalog/build-catalog-json-schemas.ts";
import { exportCatalogDocument } from "../../catalog/export-catalog-document.ts";
import { loadCatalog } from "../../catalog/load-catalog.ts";
import { AppError } from "../../errors/app-error.ts";
import { syncCatalogFromDisk } from "../../catalog/sync-catalog-from-disk.ts";
import { requestRecomputeEverywhere } from "../../readiness/request-recompute-everywhere.ts";
import { createCliOutput } from "../cli-output.ts";
import { runCommand } from "../run-command.ts";

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
  catalog
    .command("export")
    .description("print a framework as an OSCAL 1.1 catalog (or JSON), or a crosswalk as an OSCAL mapping collection")
    .argument("<catalogId>", "a framework id (eu-ai-act, zero-trust-ai) or a mapping id")
    .option("--format <format>", "oscal or json", "oscal")
    .option("--dir <dir>", "catalog directory", "controls")
    .option("--last-modified <timestamp>", "metadata last-modified (ISO 8601 with zone), default now")
    .action((id: string, opts: { format: string; dir: string; lastModified?: string }) => {
      try {
        process.stdout.write(
          `${JSON.stringify(exportCatalogDocument(resolve(opts.dir), id, opts.format, opts.lastModified ?? new Date().toISOString()), null, 2)}\n`,
        );
      } catch (error) {
        const code = error instanceof AppError ? error.code : "internal";
        process.stderr.write(`error [${code}]: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exitCode = code === "validation_failed" ? 2 : 1;
      }
    });
  catalog
    .command("schema")
    .description("write the editor JSON Schemas for catalog files into <dir>/schema (generated from the validator)")
    .option("--dir <dir>", "catalog directory", "controls")
    .action((opts: { dir: string }) => {
      const dir = join(resolve(opts.dir), "schema");
      mkdirSync(dir, { recursive: true });
      for (const [name, text] of Object.entries(buildCatalogJsonSchemas())) writeFileSync(join(dir, name), text);
      process.stdout.write(`Wrote ${Object.keys(buildCatalogJsonSchemas()).join(", ")} to ${dir}\n`);
    });
  catalog
    .command("sync")
    .description("check controls/ and write it into the database (also done at start-up)")
    .option("--dir <dir>", "catalog directory", "controls")
    .option("--json", "print one JSON object")
    .action((opts: { dir: string; json?: boolean }) =>
      runCommand(Boolean(opts.json), async (db, out) => {
        const result = await syncCatalogFromDisk(db.prisma, resolve(opts.dir));
        // Scores depend on the catalog: a running worker recomputes every organization.
        if (result.updated.length > 0) await requestRecomputeEverywhere(db.prisma, "catalog");
        out.result(
          result,
          () =>
            `Synced: ${result.updated.join(", ") || "nothing changed"}; unchanged: ${result.unchanged.join(", ") || "none"}; ${result.mappingEdges} crosswalk edges written.`,
        );
      }),
    );
}
