import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syncCatalogFromDisk } from "../catalog/sync-catalog-from-disk.ts";
import type { Database } from "../db/open-database.ts";
import { fixturePath } from "../testing/fixture-path.ts";
import { runAssayCli } from "../testing/run-assay-cli.ts";
import { seedAuthzFixture, type AuthzFixture } from "../testing/seed-authz-fixture.ts";
import { useAppDatabase } from "../testing/use-app-database.ts";

let db: Database;
let cleanup: () => Promise<void>;
let f: AuthzFixture;
let server: Server;
let base = "";

beforeAll(async () => {
  ({ db, cleanup } = await useAppDatabase());
  await syncCatalogFromDisk(db.prisma);
  f = await seedAuthzFixture(db.prisma);
  // The real upload route handler behind a real HTTP socket, for the CLI client to talk to.
  const route = await import("../../app/api/v1/evidence/route.ts");
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
      const request = new Request(`${base}${req.url ?? "/"}`, {
        method: req.method ?? "POST",
        headers,
        body: Buffer.concat(chunks),
      });
      void route.POST(request).then(async (response) => {
        res.writeHead(response.status, { "content-type": "application/json" });
        res.end(Buffer.from(await response.arrayBuffer()));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await cleanup();
});

const env = () => ({
  DATABASE_URL: process.env.DATABASE_URL,
  ASSAY_SECRET: process.env.ASSAY_SECRET,
  ASSAY_URL: process.env.ASSAY_URL,
  ACTIONS_ID_TOKEN_REQUEST_URL: undefined,
  ASSAY_ID_TOKEN: undefined,
  ASSAY_TOKEN: undefined,
});

describe("assay integration and evidence commands", () => {
  it("integration create prints {id, url, secret} once; rotate keeps the old secret for the overlap", async () => {
    const created = await runAssayCli(
      ["integration", "create", "--org", "acme", "--source", "mlflow", "--secret", "a-chosen-mlflow-secret", "--json"],
      env(),
    );
    expect(created.code, created.stderr).toBe(0);
    const body = JSON.parse(created.stdout) as { id: string; url: string; secret: string; scheme: string };
    expect(body).toMatchObject({ scheme: "mlflow-hmac", secret: "a-chosen-mlflow-secret" });
    expect(body.url).toBe(`http://assay.test/api/v1/ingest/${body.id}`);
    const rotated = await runAssayCli(
      ["integration", "rotate", body.id, "--org", "acme", "--overlap-hours", "2", "--json"],
      env(),
    );
    expect(rotated.code, rotated.stderr).toBe(0);
    const r = JSON.parse(rotated.stdout) as { secret: string; previousValidUntil: string };
    expect(r.secret).not.toBe(body.secret);
    const secrets = await db.prisma.integrationSecret.findMany({
      where: { integrationId: body.id },
      orderBy: { createdAt: "asc" },
    });
    expect(secrets).toHaveLength(2);
    expect(secrets[0]?.expiresAt?.toISOString()).toBe(r.previousValidUntil);
    expect(secrets[1]?.expiresAt).toBeNull();
    const bad = await runAssayCli(["integration", "create", "--org", "acme", "--source", "splunk", "--json"], env());
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/source/);
  });

  it("evidence push uploads a file, prints the endpoint's JSON, and a rejection exits non-zero with the server's error", async () => {
    const push = await runAssayCli(
      [
        "evidence",
        "push",
        "--url",
        base,
        "--token",
        f.tokens["evidence:write"] ?? "",
        "--source",
        "garak",
        "--json",
        fixturePath("evidence/garak-report.jsonl"),
      ],
      env(),
    );
    expect(push.code, push.stderr).toBe(0);
    const body = JSON.parse(push.stdout) as {
      evidenceId: string;
      findings: number;
      requirements: string[];
      duplicate: boolean;
    };
    expect(body).toMatchObject({ duplicate: false, findings: 2 });
    expect(body.requirements).toContain("eu-ai-act:art-55-1-a");
    const human = await runAssayCli(
      [
        "evidence",
        "push",
        "--url",
        base,
        "--token",
        f.tokens["evidence:write"] ?? "",
        "--source",
        "garak",
        fixturePath("evidence/garak-report.jsonl"),
      ],
      env(),
    );
    expect(human.stdout).toContain(`Evidence ${body.evidenceId} (already received`);
    const wrong = await runAssayCli(
      [
        "evidence",
        "push",
        "--url",
        base,
        "--token",
        f.tokens.read ?? "",
        "--source",
        "garak",
        fixturePath("evidence/garak-report.jsonl"),
      ],
      env(),
    );
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/forbidden.*evidence:write/);
    const list = await runAssayCli(["evidence", "list", "--org", "acme", "--source", "garak", "--json"], env());
    expect(list.code, list.stderr).toBe(0);
    const page = JSON.parse(list.stdout) as { evidence: { id: string }[] };
    expect(page.evidence.map((e) => e.id)).toEqual([body.evidenceId]);
  });
});
