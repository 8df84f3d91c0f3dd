import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Command } from "commander";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROUTE_PERMISSIONS } from "../auth/route-permissions.ts";
import { syncCatalogFromDisk } from "../catalog/sync-catalog-from-disk.ts";
import type { Database } from "../db/open-database.ts";
import { createIntegration } from "../integrations/create-integration.ts";
import { requestReport } from "../reports/request-report.ts";
import { runAssayCli } from "../testing/run-assay-cli.ts";
import { seedAuthzFixture, type AuthzFixture } from "../testing/seed-authz-fixture.ts";
import { useAppDatabase } from "../testing/use-app-database.ts";
import { buildProgram } from "./build-program.ts";
import { CLI_PERMISSIONS, type CliAccess, type CliCommand, type CliIdParameter } from "./cli-permissions.ts";

function leafCommands(command: Command, prefix: string[] = []): { path: string; command: Command }[] {
  if (command.commands.length === 0) return [{ path: prefix.join(" "), command }];
  return command.commands.flatMap((c) => leafCommands(c, [...prefix, c.name()]));
}

const leaves = leafCommands(buildProgram());
const table = CLI_PERMISSIONS as Record<string, CliAccess>;
const idsOf = (access: CliAccess): readonly CliIdParameter[] =>
  access.kind === "operator" && access.scope === "org" ? access.ids : [];
/**
 * Parameters that name an organization's stored object: `--system`, `--integration`, `--report`,
 * `<id>`, `<systemId>`… (`<catalogId>` names a framework of the shared catalog, not a tenant's object).
 */
const looksLikeId = (name: string) => /^--(system|integration|report)$|^<(?!catalog)(\w*Id|id)>$/.test(name);

describe("the CLI permission table covers the command line", () => {
  it("lists every command that exists, and nothing that does not", () => {
    expect(leaves.map((l) => l.path).sort()).toEqual(Object.keys(CLI_PERMISSIONS).sort());
  });

  it("organization commands require --org, and list every id parameter they take", () => {
    for (const { path, command } of leaves) {
      const access = table[path];
      if (!access) continue;
      const params = [
        ...command.registeredArguments.map((a) => `<${a.name()}>`),
        ...command.options.map((o) => o.long ?? ""),
      ];
      const listed = idsOf(access).map((p) => p.name);
      for (const name of listed) expect(params, `${path} takes ${name}`).toContain(name);
      if (access.kind === "operator" && access.scope === "org") {
        expect(command.options.find((o) => o.long === "--org")?.mandatory, `${path} requires --org`).toBe(true);
        expect(params.filter(looksLikeId).sort(), `${path}: every id parameter is in the table`).toEqual(
          [...listed].sort(),
        );
      } else {
        expect(
          params.filter((p) => looksLikeId(p) && p !== "--system"),
          `${path} takes no object id`,
        ).toEqual([]);
      }
    }
  });

  it("every command refuses an unknown flag before it acts (no mass assignment through options)", async () => {
    for (const { path, command } of leaves) {
      // Everything the command requires, with placeholder values, so only the unknown flag is wrong.
      const required = [
        ...command.registeredArguments.filter((a) => a.required).map(() => "x"),
        ...command.options.filter((o) => o.mandatory).flatMap((o) => [o.long ?? "", ...(o.required ? ["x"] : [])]),
      ];
      const program = buildProgram();
      const silence = (c: Command): void => {
        c.configureOutput({ writeErr: () => undefined, writeOut: () => undefined });
        c.commands.forEach(silence);
      };
      silence(program);
      await expect(
        program.parseAsync([...path.split(" "), ...required, "--is-admin", "true"], { from: "user" }),
        path,
      ).rejects.toMatchObject({ code: "commander.unknownOption" });
    }
  });

  it("remote commands name an HTTP route that a sender credential guards", () => {
    for (const access of Object.values(table)) {
      if (access.kind !== "remote") continue;
      expect(ROUTE_PERMISSIONS[access.route]).toMatchObject({ kind: "sender" });
    }
  });
});

// Object-level checks, generated from the table: every id parameter, given another organization's
// object or a random id, finds nothing and prints nothing of it; the organization's own object works.
type IdCase = `${CliCommand} ${string}`;
const ARGS: Record<IdCase, (id: string, out: string) => string[]> = {
  "system obligations <systemId>": (id) => ["system", "obligations", id, "--org", "acme"],
  "integration create --system": (id) => [
    "integration",
    "create",
    "--org",
    "acme",
    "--source",
    "mlflow",
    "--system",
    id,
  ],
  "integration rotate <id>": (id) => ["integration", "rotate", id, "--org", "acme"],
  "evidence list --system": (id) => ["evidence", "list", "--org", "acme", "--system", id],
  "evidence list --integration": (id) => ["evidence", "list", "--org", "acme", "--integration", id],
  "score --system": (id) => ["score", "--org", "acme", "--system", id],
  "report create --system": (id, out) => ["report", "create", "--org", "acme", "--system", id, "--out", out],
  "pack create --report": (id, out) => ["pack", "create", "--org", "acme", "--report", id, "--out", out],
  "pack create --system": (id, out) => ["pack", "create", "--org", "acme", "--system", id, "--out", out],
};

function argsFor(key: IdCase): (id: string, out: string) => string[] {
  const args = ARGS[key];
  if (!args) throw new Error(`no command line for ${key}`);
  return args;
}

let db: Database;
let cleanup: () => Promise<void>;
let f: AuthzFixture;
let dir: string;
const objects: Record<CliIdParameter["object"], { acme: string; globex: string }> = {
  system: { acme: "", globex: "" },
  integration: { acme: "", globex: "" },
  report: { acme: "", globex: "" },
};

beforeAll(async () => {
  ({ db, cleanup } = await useAppDatabase());
  await syncCatalogFromDisk(db.prisma);
  f = await seedAuthzFixture(db.prisma);
  objects.system = f.systems;
  for (const org of ["acme", "globex"] as const) {
    const ctx = f[org];
    objects.integration[org] = (await createIntegration(db.prisma, ctx, { source: "mlflow" })).id;
    objects.report[org] = (await requestReport(db.prisma, ctx, {}, { inline: true })).id;
  }
  // The other organization's objects carry data a leak would print.
  await db.prisma.aiSystem.update({ where: { id: f.systems.globex }, data: { name: "GLOBEX-SECRET-SYSTEM" } });
  dir = mkdtempSync(join(tmpdir(), "assay-cli-authz-"));
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await cleanup();
});

const env = () => ({
  DATABASE_URL: process.env.DATABASE_URL,
  ASSAY_SECRET: process.env.ASSAY_SECRET,
  ASSAY_URL: process.env.ASSAY_URL,
});
const counts = async () => ({
  integrations: await db.prisma.integration.count(),
  reports: await db.prisma.report.count(),
});

describe("object-level checks on every CLI id parameter", () => {
  const cases = Object.entries(CLI_PERMISSIONS).flatMap(([command, access]) =>
    idsOf(access).map((p) => ({ key: `${command} ${p.name}` as IdCase, p })),
  );

  it("has a command line for every id parameter in the table", () => {
    expect(cases.map((c) => c.key).sort()).toEqual(Object.keys(ARGS).sort());
  });

  for (const { key, p } of cases) {
    for (const which of ["another organization's", "a random"] as const) {
      it(`${key} with ${which} id: ${p.foreign === "no-rows" ? "no rows" : p.foreign === "refused" ? "refused" : "not found"}, nothing printed or stored`, async () => {
        const id = which === "a random" ? randomUUID() : objects[p.object].globex;
        const before = await counts();
        const run = await runAssayCli([...argsFor(key)(id, join(dir, `${randomUUID()}.out`)), "--json"], env());
        expect(run.stdout + run.stderr).not.toContain("GLOBEX-SECRET-SYSTEM");
        if (p.foreign === "no-rows") {
          expect(run.code, run.stderr).toBe(0);
          expect(JSON.parse(run.stdout)).toMatchObject({ evidence: [] });
        } else {
          expect(run.code).not.toBe(0);
          expect(run.stdout).toBe("");
          expect(run.stderr).toMatch(p.foreign === "refused" ? /not AI systems of this organization/ : /not_found/);
        }
        expect(await counts()).toEqual(before);
      });
    }
    it(`${key} with the organization's own id is found`, async () => {
      const run = await runAssayCli(
        [...argsFor(key)(objects[p.object].acme, join(dir, `${randomUUID()}.out`)), "--json"],
        env(),
      );
      expect(run.stderr).not.toMatch(/not_found|not AI systems of this organization/);
    });
  }
});
