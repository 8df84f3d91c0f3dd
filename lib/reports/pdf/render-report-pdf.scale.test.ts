import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildReportFixture } from "./build-report-fixture.ts";
import { renderReportPdf } from "./render-report-pdf.ts";

const dir = mkdtempSync(join(tmpdir(), "assay-pdf-scale-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("renderReportPdf at scale", () => {
  it("renders 10,000 manifest entries (about 400 pages) well under a minute", async () => {
    const data = buildReportFixture({ evidence: 300, manifest: 10_000, extraRequirements: 30 });
    const meta = {
      reportId: "rep-scale",
      dataSha256: "0".repeat(64),
      signer: { subject: "CN=Scale", fingerprint: "ff" },
    };
    const started = performance.now();
    const pdf = await renderReportPdf(data, meta);
    const seconds = (performance.now() - started) / 1000;
    const file = join(dir, "scale.pdf");
    writeFileSync(file, pdf);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [file], { encoding: "utf8" }))?.[1]);
    expect(pages).toBeGreaterThan(300);
    expect(seconds).toBeLessThan(60);
    expect(execFileSync("qpdf", ["--check", file], { encoding: "utf8" })).toContain(
      "No syntax or stream encoding errors",
    );
    const last = execFileSync("pdftotext", ["-f", String(pages), "-l", String(pages), file, "-"], { encoding: "utf8" });
    expect(last).toContain(`Page ${pages} of ${pages}`);
    expect(last).toContain(data.manifest.at(-1)?.sha256);
  }, 180_000);
});
