import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listMigrations } from "../db/list-migrations.ts";
import { createTestDatabase, type TestDatabase } from "../testing/create-test-database.ts";
import { runAssayCli } from "../testing/run-assay-cli.ts";

let t: TestDatabase;
let env: Record<string, string>;
beforeAll(async () => {
  t = await createTestDatabase({ migrate: false, store: "postgres" });
  env = { DATABASE_URL: t.url ?? "" };
});
afterAll(async () => t.drop());

const assay = (...args: string[]) => runAssayCli(args, env);

describe("assay CLI", () => {
  it("migrate brings an empty database up to date, and again is a no-op", async () => {
    const first = await assay("migrate", "--json");
    expect(first.code).toBe(0);
    const names = listMigrations().map((m) => m.name);
    expect(JSON.parse(first.stdout)).toMatchObject({ database: "postgres", applied: names });
    const second = await assay("migrate", "--json");
    expect(JSON.parse(second.stdout)).toMatchObject({ applied: [], alreadyApplied: names.length });
  });

  it("org, user and token create print exactly one JSON object with --json", async () => {
    const org = await assay("org", "create", "acme", "--name", "Acme Corp", "--json");
    expect(org.code).toBe(0);
    expect(org.stdout.trim().split("\n")).toHaveLength(1);
    expect(JSON.parse(org.stdout)).toMatchObject({ slug: "acme", name: "Acme Corp" });

    const user = await assay(
      "user",
      "create",
      "--org",
      "acme",
      "--email",
      "Dana@Acme.test",
      "--role",
      "compliance",
      "--json",
    );
    expect(user.code).toBe(0);
    const created = JSON.parse(user.stdout) as { email: string; role: string; temporaryPassword: string };
    expect(created).toMatchObject({ email: "dana@acme.test", role: "compliance", newUser: true });
    expect(created.temporaryPassword.length).toBeGreaterThanOrEqual(12);

    const token = await assay("token", "create", "--org", "acme", "--scopes", "evidence:write,read", "--json");
    expect(token.code).toBe(0);
    expect(JSON.parse(token.stdout)).toMatchObject({
      scopes: ["evidence:write", "read"],
      token: expect.stringMatching(/^assay_/) as unknown,
    });

    const list = await assay("org", "list", "--json");
    expect(JSON.parse(list.stdout)).toMatchObject({ organizations: [{ slug: "acme", members: 1 }] });
  });

  it("bad flags and values exit 2, name the problem, and write nothing", async () => {
    const cases: [string[], RegExp][] = [
      [["org", "create", "Not A Slug"], /slug: must be 2-40 lower-case/],
      [["org", "create", "acme"], /already exists/],
      [
        ["user", "create", "--org", "acme", "--email", "nope", "--role", "boss"],
        /email: must be an email address; role: must be one of admin, compliance, ciso, engineer/,
      ],
      [
        ["user", "create", "--org", "acme", "--email", "x@acme.test", "--role", "ciso", "--password", "short"],
        /password: must be at least 12 characters/,
      ],
      [
        ["token", "create", "--org", "acme", "--scopes", "write-everything"],
        /scopes\.0: must be one of evidence:write, read, admin/,
      ],
      [["org", "create", "--frobnicate", "x"], /unknown option '--frobnicate'/],
      [["user", "create", "--org", "acme", "--role", "ciso"], /required option '--email <email>' not specified/],
      [["bogus"], /unknown command 'bogus'/],
    ];
    for (const [args, message] of cases) {
      const run = await assay(...args);
      expect(run.stderr, args.join(" ")).toMatch(message);
      expect(run.code, args.join(" ")).toBe(/already exists/.test(String(message)) ? 1 : 2);
      expect(run.stdout).toBe("");
    }
    const list = await assay("org", "list", "--json");
    expect((JSON.parse(list.stdout) as { organizations: unknown[] }).organizations).toHaveLength(1);
    expect(await t.db.prisma.user.count()).toBe(1);
    expect(await t.db.prisma.apiToken.count()).toBe(1);
  });

  it("an unknown organization is a clear error", async () => {
    const run = await assay("token", "create", "--org", "nowhere", "--scopes", "read");
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("error [not_found]: No such organization.");
  });

  it("seed --demo creates the demo organization once and never reprints the password", async () => {
    const first = await assay("seed", "--demo", "--json");
    const seeded = JSON.parse(first.stdout) as {
      created: boolean;
      admin: { email: string; password: string };
      systems: number;
    };
    expect(seeded).toMatchObject({ created: true, org: "demo", systems: 3, evidence: 8 });
    expect(seeded.admin.password.length).toBeGreaterThanOrEqual(12);
    const again = await assay("seed", "--demo", "--json");
    expect(JSON.parse(again.stdout)).toEqual({ created: false, org: "demo", systems: 3 });
  });

  it("system create records roles and risk class; obligations come from the synced catalog", async () => {
    const sync = await assay("catalog", "sync", "--json");
    expect(sync.code).toBe(0);
    // `seed --demo` above synced the catalog already: a second sync finds it unchanged.
    expect(JSON.parse(sync.stdout)).toMatchObject({
      updated: [],
      unchanged: expect.arrayContaining(["eu-ai-act", "zero-trust-ai"]) as unknown,
    });
    const created = await assay(
      "system",
      "create",
      "--org",
      "acme",
      "--name",
      "Hiring ranker",
      "--role",
      "deployer",
      "--risk",
      "high-risk-annex-iii",
      "--annex-iii",
      "4(a)",
      "--json",
    );
    expect(created.code).toBe(0);
    const system = JSON.parse(created.stdout) as { id: string; riskClass: string; operatorRoles: string[] };
    expect(system).toMatchObject({
      riskClass: "high-risk-annex-iii",
      operatorRoles: ["deployer"],
      annexIIIUseCase: "4(a)",
    });
    const obligations = await assay(
      "system",
      "obligations",
      system.id,
      "--org",
      "acme",
      "--as-of",
      "2028-01-01",
      "--json",
    );
    const result = JSON.parse(obligations.stdout) as { applies: { requirementId: string }[] };
    const ids = result.applies.map((o) => o.requirementId);
    expect(ids).toContain("eu-ai-act:art-26-1");
    expect(ids.some((id) => id.startsWith("eu-ai-act:art-16"))).toBe(false);

    const gpai = await assay(
      "system",
      "create",
      "--org",
      "acme",
      "--name",
      "Foundation model",
      "--role",
      "provider",
      "--risk",
      "gpai-systemic",
      "--json",
    );
    expect(JSON.parse(gpai.stdout)).toMatchObject({ riskClass: "minimal", gpai: "gpai-systemic" });

    const bad: [string[], RegExp][] = [
      [["--name", "X", "--role", "boss", "--risk", "minimal"], /operatorRoles\.0: must be one of provider/],
      [
        ["--name", "Y", "--role", "deployer", "--risk", "high-risk-annex-iii"],
        /annexIIIUseCase: is required for a high-risk-annex-iii system/,
      ],
      [["--name", "Z", "--role", "deployer", "--risk", "scary"], /riskClass: must be one of prohibited/],
    ];
    for (const [args, message] of bad) {
      const run = await assay("system", "create", "--org", "acme", ...args);
      expect(run.code, args.join(" ")).toBe(2);
      expect(run.stderr).toMatch(message);
    }
    const dates = await assay("system", "obligations", system.id, "--org", "acme", "--as-of", "someday");
    expect(dates.code).toBe(2);
    expect(dates.stderr).toMatch(/asOf: must be a date YYYY-MM-DD/);
    expect(await t.db.prisma.aiSystem.count()).toBe(2 + 3);
  });

  it("health reports the database", async () => {
    const run = await assay("health", "--json");
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      status: "ok",
      database: { kind: "postgres", status: "up", migrations: listMigrations().length },
    });
  });
});
