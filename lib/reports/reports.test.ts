import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OrgContext } from "../auth/actor.ts";
import type { Database } from "../db/open-database.ts";
import { createTestReport } from "../testing/create-test-report.ts";
import { FIXTURE_NAMES, seedReportFixture } from "../testing/seed-report-fixture.ts";
import { useAppDatabase } from "../testing/use-app-database.ts";
import type { ReportData } from "./report-types.ts";
import { verifyReportPdf } from "./verify-report-pdf.ts";

const SEED = 20261124;
const dir = mkdtempSync(join(tmpdir(), "assay-report-"));
let db: Database;
let cleanup: () => Promise<void>;
let ctx: OrgContext;
let pdf: Buffer;
let data: ReportData;
const file = join(dir, "report.pdf");

const run = (cmd: string, args: string[]) => {
  const r = spawnSync(cmd, args, { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
};
/** pdfsig exits 0 even on a digest mismatch: only its output says whether the signature holds. */
const pdfsigAccepts = (path: string) => {
  const { out } = run("pdfsig", [path]);
  return out.includes("Signature is Valid.") && out.includes("Total document signed");
};

beforeAll(async () => {
  ({ db, cleanup } = await useAppDatabase());
  ctx = await seedReportFixture(db.prisma);
  const made = await createTestReport(db.prisma, ctx);
  pdf = made.pdf;
  writeFileSync(file, pdf);
  const row = await db.prisma.report.findUniqueOrThrow({ where: { id: made.reportId } });
  data = JSON.parse(Buffer.from(row.data ?? new Uint8Array()).toString("utf8")) as ReportData;
  expect(row.sha256).toBe(createHash("sha256").update(pdf).digest("hex"));
  expect(row.dataSha256).toBe(
    createHash("sha256")
      .update(row.data ?? new Uint8Array())
      .digest("hex"),
  );
}, 240_000);
afterAll(async () => {
  await cleanup();
  rmSync(dir, { recursive: true, force: true });
});

describe("a signed report of the seeded organization, judged by poppler and qpdf", () => {
  it("pdfsig: the signature is valid and covers the total document; assay verify agrees", async () => {
    const { out } = run("pdfsig", [file]);
    expect(out).toContain("Signature is Valid.");
    expect(out).toContain("Total document signed");
    expect(out).toContain("(Assay report signing)");
    const verdict = await verifyReportPdf(pdf);
    expect(verdict.checks.filter((c) => !c.ok)).toEqual([]);
    expect(verdict.ok).toBe(true);
  });

  it("qpdf --check finds no structural errors", () => {
    const { code, out } = run("qpdf", ["--check", file]);
    expect(out).toContain("No syntax or stream encoding errors found");
    expect(code).toBe(0);
  });

  it("pdffonts: every font is embedded, including the Arabic, Hebrew and CJK faces", () => {
    const { out } = run("pdffonts", [file]);
    const rows = out
      .split("\n")
      .slice(2)
      .filter((l) => l.trim());
    expect(rows.length).toBeGreaterThanOrEqual(4);
    for (const row of rows) {
      const cols = row.trim().split(/\s+/);
      expect(cols.at(-5), row).toBe("yes"); // name type encoding emb sub uni object ID
    }
    expect(out).toMatch(/NotoSansArabic/);
    expect(out).toMatch(/NotoSansHebrew/);
    expect(out).toMatch(/NotoSansSC/);
    expect(out).not.toMatch(/Helvetica|Times|Courier/);
  });

  it("pdftotext: requirement ids, scores and evidence hashes appear; Arabic, Hebrew and CJK names come out in order", () => {
    const text = run("pdftotext", ["-enc", "UTF-8", file, "-"]).out;
    const ids = new Set(data.results.flatMap((f) => f.systems.flatMap((s) => s.rows.map((r) => r.requirementId))));
    expect(ids.size).toBeGreaterThan(50);
    const absent = [...ids].filter((id) => !text.includes(id));
    expect(absent).toEqual([]);
    for (const tally of Object.values(data.summary.frameworks)) {
      if (tally.score !== null) expect(text).toContain(`${tally.score.toFixed(1)}%`);
    }
    expect(data.manifest.length).toBeGreaterThan(3);
    for (const e of data.manifest) expect(text).toContain(e.sha256);
    expect(text).toContain(FIXTURE_NAMES.arabic);
    expect(text).toContain(FIXTURE_NAMES.hebrew);
    expect(text).toContain(FIXTURE_NAMES.cjk);
    expect(text).toContain(FIXTURE_NAMES.greekCyrillic);
    // The hostile name's bidi controls are dropped: its letters stay in the order they were typed.
    expect(text).toContain("Payroll redro bot v2");
  });

  it("flipping any one byte in 50 random places of the signed ranges, or appending bytes, fails pdfsig and assay verify", async () => {
    const range = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(pdf.toString("latin1"));
    const [b, c] = [Number(range?.[2]), Number(range?.[3])];
    const signedLength = b + (pdf.length - c);
    console.log(`byte-flip sample: fast-check seed ${SEED}`);
    const offsets = fc.sample(fc.integer({ min: 0, max: signedLength - 1 }), { seed: SEED, numRuns: 50 });
    const tampered = offsets.map((o) => (o < b ? o : c + (o - b)));
    const variants: [string, Buffer][] = tampered.map((at) => {
      const copy = Buffer.from(pdf);
      copy[at] = (copy[at] ?? 0) ^ 0x01;
      return [`byte ${at}`, copy];
    });
    variants.push(["appended %%EOF", Buffer.concat([pdf, Buffer.from("\n%%EOF\n")])]);
    variants.push(["appended update", Buffer.concat([pdf, Buffer.from("1 0 obj\n<<>>\nendobj\n%%EOF\n")])]);
    const accepted: string[] = [];
    for (const [label, bytes] of variants) {
      const path = join(dir, "tampered.pdf");
      writeFileSync(path, bytes);
      if (pdfsigAccepts(path)) accepted.push(`pdfsig accepted ${label}`);
      if ((await verifyReportPdf(bytes)).ok) accepted.push(`assay verify accepted ${label}`);
    }
    expect(accepted).toEqual([]);
  }, 180_000);
});
