import { createHash } from "node:crypto";
import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OrgContext } from "../auth/actor.ts";
import { validateOscal } from "../catalog/validate-oscal.ts";
import type { Database } from "../db/open-database.ts";
import { createTestReport } from "../testing/create-test-report.ts";
import { runAssayCli } from "../testing/run-assay-cli.ts";
import { seedReportFixture } from "../testing/seed-report-fixture.ts";
import { useAppDatabase } from "../testing/use-app-database.ts";
import { readZipEntries, writeZipEntries } from "../testing/zip-entries.ts";
import type { PackManifest } from "./audit-pack-layout.ts";
import { verifyFile } from "./verify-file.ts";
import { verifyLogProofs } from "./verify-log-proofs.ts";
import { writeAuditPack } from "./write-audit-pack.ts";

const dir = mkdtempSync(join(tmpdir(), "assay-pack-"));
const pack = join(dir, "pack.zip");
let db: Database;
let cleanup: () => Promise<void>;
let ctx: OrgContext;
let entries: Map<string, Buffer>;
let manifest: PackManifest;

beforeAll(async () => {
  ({ db, cleanup } = await useAppDatabase());
  ctx = await seedReportFixture(db.prisma);
  const { reportId } = await createTestReport(db.prisma, ctx);
  await writeAuditPack(db.prisma, ctx, reportId, createWriteStream(pack));
  entries = await readZipEntries(pack);
  manifest = JSON.parse(entries.get("manifest.json")?.toString("utf8") ?? "{}") as PackManifest;
}, 240_000);
afterAll(async () => {
  await cleanup();
  rmSync(dir, { recursive: true, force: true });
});

const failed = async (path: string) => (await verifyFile(path)).checks.filter((c) => !c.ok).map((c) => c.name);

/** Writes a copy of the pack with `change` applied to its entries. */
async function variant(name: string, change: (m: Map<string, Buffer>) => void): Promise<string> {
  const copy = new Map(entries);
  change(copy);
  const path = join(dir, `${name}.zip`);
  await writeZipEntries(path, copy);
  return path;
}

describe("audit pack", () => {
  it("holds the signed PDF, every cited evidence file, OSCAL, catalogs, the log and a signed manifest; verify accepts it", async () => {
    const names = [...entries.keys()];
    expect(names).toEqual(expect.arrayContaining(["report.pdf", "report-data.json", "oscal/assessment-results.json"]));
    expect(names).toEqual(
      expect.arrayContaining(["manifest.json", "manifest.json.sig", "SHA256SUMS", "SHA256SUMS.sig"]),
    );
    expect(names.filter((n) => n.startsWith("oscal/catalogs/")).length).toBeGreaterThanOrEqual(2);
    const evidence = names.filter((n) => n.startsWith("evidence/"));
    expect(evidence.length).toBeGreaterThan(3);
    expect(manifest.files.map((f) => f.path).sort()).toEqual(
      names.filter((n) => !["manifest.json", "manifest.json.sig", "SHA256SUMS", "SHA256SUMS.sig"].includes(n)).sort(),
    );
    expect(manifest.log.entries).toBeGreaterThan(0);
    const verdict = await verifyFile(pack);
    expect(verdict.checks.filter((c) => !c.ok)).toEqual([]);
    expect(verdict.ok).toBe(true);
  });

  it("proves every evidence file against a signed checkpoint of the log; a changed proof, file, signature or a missing proof fails", () => {
    const evidenceFiles = new Map(
      [...entries].flatMap(([name, bytes]) => {
        const id = /^evidence\/([0-9a-f-]{36})\./.exec(name)?.[1];
        return id ? [[id, createHash("sha256").update(bytes).digest("hex")] as const] : [];
      }),
    );
    const checkpoint = entries.get("log/checkpoint.json");
    const proofs = entries.get("log/inclusion-proofs.jsonl") ?? Buffer.alloc(0);
    const check = (cp = checkpoint, pr = proofs, files = evidenceFiles) => verifyLogProofs(manifest, cp, pr, files);
    expect(check()).toMatchObject({ ok: true });
    expect(manifest.log.proofs).toBe(evidenceFiles.size + 2);
    const lines = proofs.toString("utf8").trim().split("\n");
    const first = JSON.parse(lines[0] ?? "{}") as { auditPath: string[] };
    first.auditPath[0] = `${first.auditPath[0]?.slice(0, 63) ?? ""}${first.auditPath[0]?.endsWith("0") ? "1" : "0"}`;
    const flipped = Buffer.from([JSON.stringify(first), ...lines.slice(1)].join("\n"));
    expect(check(checkpoint, flipped).detail).toMatch(/root-mismatch/);
    expect(check(checkpoint, Buffer.from(lines.slice(1).join("\n"))).detail).toMatch(
      /no proof for evidence|root-mismatch/,
    );
    const [id] = [...evidenceFiles.keys()];
    expect(check(checkpoint, proofs, new Map([...evidenceFiles, [id ?? "", "0".repeat(64)]])).detail).toMatch(
      /not the one logged/,
    );
    const cp = JSON.parse(checkpoint?.toString("utf8") ?? "{}") as { signature: string };
    const forged = Buffer.from(JSON.stringify({ ...cp, signature: Buffer.alloc(64).toString("base64") }));
    expect(check(forged).detail).toMatch(/signature does not verify/);
  });

  it("its OSCAL assessment results and catalogs validate against the official OSCAL JSON Schemas", () => {
    const results = JSON.parse(entries.get("oscal/assessment-results.json")?.toString("utf8") ?? "null") as unknown;
    expect(validateOscal("assessment-results", results)).toEqual([]);
    for (const [name, bytes] of entries) {
      if (name.startsWith("oscal/catalogs/"))
        expect(validateOscal("catalog", JSON.parse(bytes.toString("utf8")))).toEqual([]);
    }
  });

  it("is rejected after any file inside is changed, removed or added", async () => {
    const firstEvidence = [...entries.keys()].find((n) => n.startsWith("evidence/")) as string;
    const changed = await variant("changed", (m) =>
      m.set(firstEvidence, Buffer.concat([m.get(firstEvidence) ?? Buffer.alloc(0), Buffer.from(" ")])),
    );
    // A changed or removed evidence file also no longer matches the log leaf that proves it.
    expect(await failed(changed)).toEqual(["every file hash", "log inclusion proofs"]);
    const removed = await variant("removed", (m) => m.delete(firstEvidence));
    expect(await failed(removed)).toEqual(["every file hash", "log inclusion proofs"]);
    const added = await variant("added", (m) => m.set("evidence/extra.json", Buffer.from("{}")));
    expect(await failed(added)).toEqual(["every file hash"]);
    const pdfChanged = await variant("pdf", (m) =>
      m.set("report.pdf", Buffer.concat([m.get("report.pdf") ?? Buffer.alloc(0), Buffer.from("\n")])),
    );
    expect(await failed(pdfChanged)).toEqual(["every file hash", "report PDF signature"]);
    const relisted = await variant("relisted", (m) => {
      const edited = { ...manifest, files: manifest.files.filter((f) => f.path !== firstEvidence) };
      m.delete(firstEvidence);
      m.set("manifest.json", Buffer.from(JSON.stringify(edited, null, 2)));
    });
    expect(await failed(relisted)).toEqual([
      "manifest.json signature",
      "SHA256SUMS matches the manifest",
      "log inclusion proofs",
    ]);
    const resigned = await variant("sums", (m) => m.set("SHA256SUMS", Buffer.from("")));
    expect(await failed(resigned)).toEqual(["SHA256SUMS signature", "SHA256SUMS matches the manifest"]);
  });

  it("rejects hostile entry names (parent paths, absolute paths, backslashes, links) without extracting anything", async () => {
    const cases: [string, string, string[]?][] = [
      ["xx/escape.txt", "../escape.txt"],
      ["_etc_passwd", "/etc_passwd"],
      ["evidence_x.json", "evidence\\x.json"],
      ["link.txt", "link.txt", ["link.txt"]],
    ];
    for (const [placeholder, hostile, symlinks] of cases) {
      const path = join(dir, "hostile.zip");
      await writeZipEntries(path, [...entries, [placeholder, Buffer.from("x")]], symlinks ? { symlinks } : {});
      const bytes = readFileSync(path);
      writeFileSync(path, Buffer.from(bytes.toString("latin1").replaceAll(placeholder, hostile), "latin1"));
      const verdict = await verifyFile(path);
      expect(verdict.ok, hostile).toBe(false);
      expect(verdict.checks.find((c) => !c.ok)?.name, hostile).toMatch(/archive/);
    }
  });

  it("`assay verify` works offline: exit 0 on the pack and its PDF, 1 when tampered or the root is not the trusted one, 2 for junk", async () => {
    const offline = { DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none", ASSAY_DATA_DIR: join(dir, "none") };
    const ok = await runAssayCli(["verify", pack], offline);
    expect(ok.stdout).toContain("VERIFIED");
    expect(ok.code).toBe(0);
    writeFileSync(join(dir, "r.pdf"), entries.get("report.pdf") ?? Buffer.alloc(0));
    expect(
      (await runAssayCli(["verify", join(dir, "r.pdf"), "--trust", manifest.signer.fingerprint], offline)).code,
    ).toBe(0);
    const bad = await runAssayCli(["verify", await variant("cli", (m) => m.delete("README.txt"))], offline);
    expect(bad.stdout).toContain("NOT VERIFIED");
    expect(bad.code).toBe(1);
    const otherRoot = await runAssayCli(["verify", pack, "--trust", "ab".repeat(32)], offline);
    expect(otherRoot.stdout).toMatch(/FAIL trusted root/);
    expect(otherRoot.code).toBe(1);
    writeFileSync(join(dir, "junk.bin"), "hello");
    const junk = await runAssayCli(["verify", join(dir, "junk.bin")], offline);
    expect(junk.stderr).toMatch(/neither a PDF report nor a ZIP audit pack/);
    expect(junk.code).toBe(2);
  }, 60_000);
});
