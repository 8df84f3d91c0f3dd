import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../db/open-database.ts";
import { callRoute } from "../testing/call-route.ts";
import { seedAuthzFixture, type AuthzFixture } from "../testing/seed-authz-fixture.ts";
import { useAppDatabase } from "../testing/use-app-database.ts";

let db: Database;
let cleanup: () => Promise<void>;
let f: AuthzFixture;
beforeAll(async () => {
  ({ db, cleanup } = await useAppDatabase());
  f = await seedAuthzFixture(db.prisma);
});
afterAll(async () => cleanup());

const system = (method: string, template: string, body?: unknown) =>
  callRoute({
    method,
    template,
    params: { org: "acme", systemId: f.systems.acme },
    as: { cookie: f.sessions.compliance },
    body,
  });

describe("editing and classifying a register entry", () => {
  it("PATCH changes the description, records what changed, and refuses a taken name or an unknown field", async () => {
    const res = await system("PATCH", "/api/v1/orgs/[org]/systems/[systemId]", {
      purpose: "Answers billing questions.",
      lifecycle: "production",
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      purpose: "Answers billing questions.",
      lifecycle: "production",
      name: "Support chatbot",
    });
    const audit = await db.prisma.auditEntry.findFirst({
      where: { action: "system.update", targetId: f.systems.acme },
    });
    expect(audit?.data).toMatchObject({
      purpose: { from: "Answers questions.", to: "Answers billing questions." },
      lifecycle: { from: "development", to: "production" },
    });

    await callRoute({
      method: "POST",
      template: "/api/v1/orgs/[org]/systems",
      params: { org: "acme" },
      as: { cookie: f.sessions.admin },
      body: { name: "Second", purpose: "p", owner: "o" },
    });
    const clash = await system("PATCH", "/api/v1/orgs/[org]/systems/[systemId]", { name: "Second" });
    expect(clash.status).toBe(409);
    const unknown = await system("PATCH", "/api/v1/orgs/[org]/systems/[systemId]", { riskClass: "minimal" });
    expect(unknown.status).toBe(422);
    expect((unknown.body as { error: { issues: unknown[] } }).error.issues).toEqual(
      expect.arrayContaining([{ field: "riskClass", message: "unknown field" }]),
    );
    expect((await db.prisma.aiSystem.findUniqueOrThrow({ where: { id: f.systems.acme } })).name).toBe(
      "Support chatbot",
    );
  });

  it("PUT classification stores answers, result and reasoning; the obligations follow", async () => {
    const res = await system("PUT", "/api/v1/orgs/[org]/systems/[systemId]/classification", {
      operatorRoles: ["deployer"],
      placedOnMarketAt: null,
      answers: { isAiSystem: true, annexIIIUseCase: "4(a)", employer: true },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      riskClass: "high-risk-annex-iii",
      annexIIIUseCase: "4(a)",
      conditions: ["employer"],
      operatorRoles: ["deployer"],
    });
    const stored = await db.prisma.aiSystem.findUniqueOrThrow({ where: { id: f.systems.acme } });
    expect(stored.classification).toMatchObject({
      source: "wizard",
      answers: { annexIIIUseCase: "4(a)" },
      result: { riskClass: "high-risk-annex-iii" },
    });
    const bad = await system("PUT", "/api/v1/orgs/[org]/systems/[systemId]/classification", {
      operatorRoles: [],
      answers: { isAiSystem: "yes" },
    });
    expect(bad.status).toBe(422);
    const fields = (bad.body as { error: { issues: { field: string }[] } }).error.issues.map((i) => i.field).sort();
    expect(fields).toEqual(["answers.isAiSystem", "operatorRoles"]);

    const obligations = await callRoute({
      method: "GET",
      template: "/api/v1/orgs/[org]/systems/[systemId]/obligations",
      params: { org: "acme", systemId: f.systems.acme },
      as: { bearer: f.tokens.read },
    });
    expect(obligations.status).toBe(200);
    expect(obligations.body).toMatchObject({ classified: true, basis: "amended" });
  });
});
