// Property-based tests (fast-check, fixed seed): no input makes an adapter throw anything but a 4xx
// AppError, and no mutation of a signed delivery is ever accepted or answered with a 5xx.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../db/open-database.ts";
import { AppError } from "../errors/app-error.ts";
import { createIntegration } from "../integrations/create-integration.ts";
import { callRoute } from "../testing/call-route.ts";
import { fixturePath } from "../testing/fixture-path.ts";
import { seedAuthzFixture, type AuthzFixture } from "../testing/seed-authz-fixture.ts";
import { signStandardWebhook } from "../testing/sign-standard-webhook.ts";
import { useAppDatabase } from "../testing/use-app-database.ts";
import { getSourceAdapter } from "./get-source-adapter.ts";
import { SOURCE_KINDS } from "./source-kinds.ts";

const seed = 20261124;
console.log("fast-check seed", seed);

let db: Database;
let cleanup: () => Promise<void>;
let f: AuthzFixture;
beforeAll(async () => {
  ({ db, cleanup } = await useAppDatabase());
  f = await seedAuthzFixture(db.prisma);
});
afterAll(async () => cleanup());

const FIXTURES: [string, (typeof SOURCE_KINDS)[number]][] = [
  ["garak-report.jsonl", "garak"],
  ["trivy-image.json", "trivy"],
  ["litellm-spend_log.json", "litellm"],
  ["mlflow-model_version_created.json", "mlflow"],
  ["cyclonedx-mlbom.json", "cyclonedx"],
  ["github-workflow_run.completed.json", "github"],
  ["model-signing-bundle.sigstore.json", "model-signing"],
  ["semgrep.sarif", "sarif"],
];

function expectClientError(error: unknown): void {
  expect(error).toBeInstanceOf(AppError);
  const status = (error as AppError).status;
  expect([400, 422]).toContain(status);
}

describe("adapters never fail with anything but a 400/422", () => {
  it("on arbitrary JSON, for every source", () => {
    fc.assert(
      fc.property(fc.constantFrom(...SOURCE_KINDS), fc.jsonValue({ maxDepth: 6 }), (kind, value) => {
        const raw = new TextEncoder().encode(JSON.stringify(value));
        try {
          getSourceAdapter(kind).parse(raw, new Headers());
        } catch (error) {
          expectClientError(error);
        }
      }),
      { seed, numRuns: 2000 },
    );
  });

  it("on byte-level mutations of real samples", () => {
    const samples = FIXTURES.map(
      ([file, kind]) => [new Uint8Array(readFileSync(fixturePath(`evidence/${file}`))), kind] as const,
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...samples),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
        fc.option(fc.nat()),
        ([sample, kind], edits, cut) => {
          const raw = new Uint8Array(sample);
          for (const [at, byte] of edits) raw[at % raw.length] = byte;
          const bytes = cut === null ? raw : raw.slice(0, cut % raw.length);
          try {
            const parsed = getSourceAdapter(kind).parse(bytes, new Headers());
            for (const finding of parsed.findings) {
              expect(typeof finding.key).toBe("string");
              expect(["pass", "fail", "info", "error"]).toContain(finding.outcome);
            }
          } catch (error) {
            expectClientError(error);
          }
        },
      ),
      { seed, numRuns: 3000 },
    );
  });
});

describe("the ingest endpoint never accepts a mutated delivery and never answers 5xx", () => {
  it("for mutations of the body, the id, the timestamp and the signature", async () => {
    const created = await createIntegration(db.prisma, f.acme, { source: "garak", scheme: "standard-webhooks" });
    const secret = created.secret ?? "";
    const body = new Uint8Array(readFileSync(fixturePath("evidence/garak-report.jsonl")));
    const before = await db.prisma.evidence.count();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("body", "webhook-id", "webhook-timestamp", "webhook-signature"),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        async (part, at, delta) => {
          const headers = signStandardWebhook(secret, body, { id: `msg_prop_${at}` });
          let raw = body;
          if (part === "body") {
            raw = new Uint8Array(body);
            const i = at % raw.length;
            raw[i] = ((raw[i] ?? 0) + delta) % 256;
          } else {
            const value = headers[part] ?? "";
            const i = at % value.length;
            const code = value.charCodeAt(i);
            const replaced = String.fromCharCode(32 + ((code - 32 + (delta % 94) + 1) % 95));
            headers[part] = value.slice(0, i) + replaced + value.slice(i + 1);
          }
          const res = await callRoute({
            method: "POST",
            template: "/api/v1/ingest/[integrationId]",
            params: { integrationId: created.id },
            body: raw,
            headers,
          });
          expect(res.status).toBeGreaterThanOrEqual(400);
          expect(res.status).toBeLessThan(500);
        },
      ),
      { seed, numRuns: 150 },
    );
    expect(await db.prisma.evidence.count()).toBe(before);
  });
});
